package io.crosscheck.authoring.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java security policy of the sandboxed check: read the JDK and the class path; read, write and
 * delete inside the process's own temporary directory; read system properties (the child's own, none of
 * the service's), read the JDK's modules, create class loaders, define classes and use reflection (the rule
 * compiler needs them). Nothing else:
 * no other file, no process ({@code execute}), no socket, no environment variable ({@code getenv}), no
 * replacing the SecurityManager or standard streams. One grant for the whole process: the candidate's
 * generated classes and the check's own code are confined alike.
 */
final class SandboxPolicy {

    private SandboxPolicy() {}

    static String text(Path javaHome, List<Path> classPath, Path work) {
        StringBuilder p = new StringBuilder("grant {\n");
        read(p, javaHome, true);
        for (Path e : classPath) {
            read(p, e, Files.isDirectory(e));
        }
        String w = quote(work.toString());
        p.append("  permission java.io.FilePermission \"").append(w).append("\", \"read,write,delete\";\n");
        p.append("  permission java.io.FilePermission \"").append(w).append("${/}-\", \"read,write,delete\";\n");
        for (String perm : List.of(
                // the rule compiler reads all system properties, which needs write too (of the child's own)
                "java.util.PropertyPermission \"*\", \"read,write\"",
                "java.lang.RuntimePermission \"accessSystemModules\"",
                "io.smallrye.common.classloader.DefineClassPermission",
                "java.lang.RuntimePermission \"createClassLoader\"",
                "java.lang.RuntimePermission \"getClassLoader\"",
                "java.lang.RuntimePermission \"setContextClassLoader\"",
                "java.lang.RuntimePermission \"accessDeclaredMembers\"",
                "java.lang.RuntimePermission \"getProtectionDomain\"",
                "java.lang.RuntimePermission \"defineClass\"",
                "java.lang.RuntimePermission \"modifyThread\"",
                "java.lang.RuntimePermission \"getStackTrace\"",
                "java.lang.RuntimePermission \"exitVM.0\"",
                "java.lang.reflect.ReflectPermission \"suppressAccessChecks\"",
                "java.util.logging.LoggingPermission \"control\"")) {
            p.append("  permission ").append(perm).append(";\n");
        }
        return p.append("};\n").toString();
    }

    private static void read(StringBuilder p, Path path, boolean directory) {
        String q = quote(path.toString());
        p.append("  permission java.io.FilePermission \"").append(q).append("\", \"read\";\n");
        if (directory) {
            p.append("  permission java.io.FilePermission \"").append(q).append("${/}-\", \"read\";\n");
        }
    }

    /** Policy files read backslashes in strings as escapes. */
    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
