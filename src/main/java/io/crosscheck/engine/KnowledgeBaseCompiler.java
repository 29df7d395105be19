package io.crosscheck.engine;

import io.crosscheck.engine.drl.CompilerMessages;
import io.crosscheck.engine.drl.DrlAllowList;
import io.crosscheck.engine.drl.DrlFiles;
import io.crosscheck.engine.drl.ParsedRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the DRL of a {@link KnowledgeSource}, with its already-read {@link ReferenceData}, into a
 * {@link KnowledgeBase}: Drools' parser for the rule index (id, file, line, column), KieFileSystem
 * and KieBuilder for the rules (plain Drools, no code generation at build time). Before Drools sees the DRL,
 * {@link DrlAllowList} checks it: rules are data, not code (docs/adr/0006). Every problem is reported as
 * {@code file:line:column}.
 */
public final class KnowledgeBaseCompiler {

    /** Where DRL files live inside the in-memory KieModule; mapped back to {@code rules/} in messages. */
    private static final String KFS_ROOT = "src/main/resources/";

    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.Factory.get();
    private final Clock clock;
    private final boolean executableModel;

    public KnowledgeBaseCompiler(Clock clock) {
        this(clock, false);
    }

    /**
     * @param executableModel build Drools' executable model at runtime (drools-model-codegen must be on the class
     *                        path) instead of interpreting the DRL; measured against it in BENCHMARKS.md, not used by the service
     */
    public KnowledgeBaseCompiler(Clock clock, boolean executableModel) {
        this.clock = clock;
        this.executableModel = executableModel;
    }

    /**
     * @param problems problems found before compiling (e.g. in reference data); reported together with the compiler's
     * @throws KnowledgeBaseException when there is any problem
     */
    public KnowledgeBase compile(KnowledgeSource source, ReferenceData reference, List<KnowledgeProblem> problems) {
        List<KnowledgeProblem> all = new ArrayList<>(problems);
        if (source.drlFiles().isEmpty()) {
            all.add(new KnowledgeProblem(KnowledgeSource.RULES, 0, 0, "no .drl files found"));
        }
        // rules are data, not code (docs/adr/0006): nothing reaches Drools' compiler before the allow-list passed
        List<KnowledgeProblem> refused = DrlAllowList.check(source.drlFiles());
        if (!refused.isEmpty()) {
            all.addAll(refused);
            throw new KnowledgeBaseException(all);
        }
        Map<String, List<ParsedRule>> parsed = DrlFiles.parse(source.drlFiles(), new ArrayList<>());

        // unique across processes too: a module compiled elsewhere and loaded from a cache keeps its id
        ReleaseId releaseId = kie.newReleaseId(
                "io.crosscheck.kb", "crosscheck-kb", "1.0." + BUILDS.incrementAndGet() + "-" + UUID.randomUUID());
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        source.drlFiles().forEach((path, text) -> kfs.write(KFS_ROOT + path, text));
        KieBuilder builder = kie.newKieBuilder(kfs, getClass().getClassLoader());
        if (executableModel) {
            builder.buildAll(executableModelProject());
        } else {
            builder.buildAll();
        }
        List<KnowledgeProblem> compiler = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path =
                    m.getPath() == null ? KnowledgeSource.RULES : m.getPath().replaceFirst("^" + KFS_ROOT, "");
            compiler.addAll(CompilerMessages.translate(
                    path,
                    m.getLine(),
                    m.getColumn(),
                    m.getText(),
                    source.drlFiles().get(path),
                    parsed.getOrDefault(path, List.of())));
        }
        all.addAll(CompilerMessages.distinct(compiler));
        if (!all.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new KnowledgeBaseException(all);
        }

        KieContainer container = kie.newKieContainer(releaseId, getClass().getClassLoader());
        Map<String, RuleInfo> rules = indexRules(parsed, container, all);
        if (!all.isEmpty()) {
            container.dispose();
            kie.getRepository().removeKieModule(releaseId);
            throw new KnowledgeBaseException(all);
        }
        List<ParsedRule> parsedRules =
                parsed.values().stream().flatMap(List::stream).toList();
        byte[] module = executableModel ? ((InternalKieModule) builder.getKieModule()).getBytes() : null;
        return new KnowledgeBase(source, reference, rules, parsedRules, releaseId, container, clock.instant(), module);
    }

    /**
     * A knowledge base from a module this compiler built before ({@link KnowledgeBase#compiledModule()}) for
     * the same source: no compiling, only loading the generated classes and building the rule network.
     *
     * @throws KnowledgeBaseException when the module does not fit the source (then compile it instead)
     */
    public KnowledgeBase load(KnowledgeSource source, ReferenceData reference, byte[] module) {
        // a module cached before the allow-list existed could hold anything: the source is checked as for compile
        List<KnowledgeProblem> problems = new ArrayList<>(DrlAllowList.check(source.drlFiles()));
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        Map<String, List<ParsedRule>> parsed = DrlFiles.parse(source.drlFiles(), new ArrayList<>());
        ReleaseId releaseId = releaseIdOf(module);
        // the module as KieBuilder made it (default kmodule, no kmodule.xml): the executable model's generated classes
        KieModuleModel model = kie.newKieModuleModel(); // what KieBuilder assumes without a kmodule.xml
        model.newKieBaseModel("defaultKieBase")
                .addPackage("*")
                .setDefault(true)
                .newKieSessionModel("defaultKieSession")
                .setDefault(true);
        kie.getRepository()
                .addKieModule(InternalKieModuleProvider.get(releaseId, model, MemoryFileSystem.readFromJar(module)));
        KieContainer container = kie.newKieContainer(releaseId, getClass().getClassLoader());
        Map<String, RuleInfo> rules = indexRules(parsed, container, problems);
        long parsedCount = parsed.values().stream().mapToLong(List::size).sum();
        if (rules.size() != parsedCount) {
            problems.add(new KnowledgeProblem(
                    KnowledgeSource.RULES,
                    0,
                    0,
                    "the cached module has " + rules.size() + " rules, the source " + parsedCount));
        }
        if (!problems.isEmpty()) {
            container.dispose();
            kie.getRepository().removeKieModule(releaseId);
            throw new KnowledgeBaseException(problems);
        }
        List<ParsedRule> parsedRules =
                parsed.values().stream().flatMap(List::stream).toList();
        return new KnowledgeBase(source, reference, rules, parsedRules, releaseId, container, clock.instant(), module);
    }

    private ReleaseId releaseIdOf(byte[] module) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties pom = new Properties();
                    pom.load(zip);
                    return kie.newReleaseId(
                            pom.getProperty("groupId"), pom.getProperty("artifactId"), pom.getProperty("version"));
                }
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException(List.of(new KnowledgeProblem(
                    KnowledgeSource.RULES, 0, 0, "the cached module cannot be read: " + e.getMessage())));
        }
        throw new KnowledgeBaseException(
                List.of(new KnowledgeProblem(KnowledgeSource.RULES, 0, 0, "the cached module has no pom.properties")));
    }

    /** Whether this compiler builds the executable model, whose compiled module can be cached and loaded. */
    public boolean executableModel() {
        return executableModel;
    }

    /**
     * What a cached module depends on besides the rule source: the engine's own code (fact classes the generated
     * code calls) and Drools' version. A cache key is the source's content hash and this.
     */
    public static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(KieServices.class.getPackage().getImplementationVersion())
                    .getBytes(StandardCharsets.UTF_8));
            Path code = Path.of(KnowledgeBaseCompiler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(code)) {
                Path engine = code.resolve("io/crosscheck/engine");
                try (Stream<Path> files = Files.walk(engine)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(engine.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            } else {
                sha.update(Files.readAllBytes(code));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (Exception e) {
            return "unknown-" + UUID.randomUUID(); // never matches a cached module: compile
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends KieBuilder.ProjectType> executableModelProject() {
        try {
            return (Class<? extends KieBuilder.ProjectType>)
                    Class.forName("org.drools.model.codegen.ExecutableModelProject");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the executable model needs org.drools:drools-model-codegen on the class path", e);
        }
    }

    /** Drops a superseded knowledge base from the KieRepository so repeated reloads do not grow memory. */
    public void release(KnowledgeBase superseded) {
        superseded.dispose();
        kie.getRepository().removeKieModule(superseded.releaseId());
    }

    /** Rule name -> id, file, line, version and stage: positions from the parser, metadata from the compiled rule. */
    private static Map<String, RuleInfo> indexRules(
            Map<String, List<ParsedRule>> parsed, KieContainer container, List<KnowledgeProblem> problems) {
        Map<String, ParsedRule> byParsedName = new HashMap<>();
        parsed.values().forEach(rules -> rules.forEach(r -> byParsedName.putIfAbsent(r.name(), r)));

        Map<String, RuleInfo> byName = new HashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : container.getKieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                ParsedRule at = byParsedName.get(rule.getName());
                String file = at == null ? KnowledgeSource.RULES : at.file();
                int line = at == null ? 0 : at.line();
                int column = at == null ? 0 : at.column();
                Object id = rule.getMetaData().get("id");
                Object version = rule.getMetaData().get("version");
                String stage = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : "MAIN";
                if (id == null || id.toString().isBlank()) {
                    problems.add(new KnowledgeProblem(
                            file, line, column, "rule \"" + rule.getName() + "\" has no @id metadata"));
                    continue;
                }
                RuleInfo info = new RuleInfo(
                        id.toString(), rule.getName(), file, line, version == null ? "1" : version.toString(), stage);
                RuleInfo clash = byId.putIfAbsent(info.id(), info);
                if (clash != null) {
                    problems.add(new KnowledgeProblem(
                            file,
                            line,
                            column,
                            "duplicate rule id " + info.id() + " (also on rule \"" + clash.name() + "\" at "
                                    + clash.file() + ":" + clash.line() + ")"));
                }
                byName.put(rule.getName(), info);
            }
        }
        return byName;
    }
}
