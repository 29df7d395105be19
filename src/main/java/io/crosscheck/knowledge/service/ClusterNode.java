package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.config.ClusterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name, as stored on the jobs it runs and shown in logs. */
@ApplicationScoped
public class ClusterNode {

    private final String name;

    ClusterNode(ClusterConfig config) {
        this.name = config.nodeName().filter(n -> !n.isBlank()).orElseGet(ClusterNode::hostAndPid);
    }

    public String name() {
        return name;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String n = host + ":" + ProcessHandle.current().pid();
        return n.length() <= 128 ? n : n.substring(n.length() - 128);
    }
}
