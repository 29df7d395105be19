package io.crosscheck.bench;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The signature and claims check of one CDS Hooks bearer JWT (ES384, a client's stored JWKS), without
 * HTTP or the database (the issuer look-up and the jti insert are left out): what the service does
 * ({@code smallRyeFactoryPerClient}: SmallRye JWT, one principal factory per EHR key source, as
 * {@code JwtKeySources} keeps them), SmallRye with a new factory per call (what
 * {@code new DefaultJWTParser(info).parse(token, info)} does, re-reading the JWKS each time), and the
 * jose4j consumer the service used before (JWKS parsed per call). Read as ratios within one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CdsTokenBenchmark {

    static final String ISSUER = "https://ehr.example.org";
    static final String AUDIENCE = "https://crosscheck.example.org/cds-services/crosscheck-patient-view";
    static final Set<SignatureAlgorithm> ALGORITHMS = EnumSet.of(SignatureAlgorithm.RS384, SignatureAlgorithm.ES384);

    private String jwks;
    private String token;
    private JWTCallerPrincipalFactory perClient;

    @Setup
    public void setUp() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        key.setKeyId("ec-1");
        jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60 * 24);
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue("ec-1");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        token = jws.getCompactSerialization();
        perClient = new DefaultJWTCallerPrincipalFactory();
        smallRyeFactoryPerClient(); // fails the run if the token does not verify
        jose4jConsumer();
    }

    private JWTAuthContextInfo expected() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(jwks);
        info.setSignatureAlgorithm(ALGORITHMS);
        info.setIssuedBy(ISSUER);
        info.setExpectedAudience(Set.of(AUDIENCE));
        info.setRequiredClaims(Set.of("exp", "iat", "jti"));
        info.setTokenAge(60L * 60 * 24 + 30);
        info.setClockSkew(30);
        info.setRequireNamedPrincipal(false);
        return info;
    }

    @Benchmark
    public JsonWebToken smallRyeFactoryPerClient() throws ParseException {
        return perClient.parse(token, expected());
    }

    @Benchmark
    public JsonWebToken smallRyeNewFactoryPerCall() throws ParseException {
        return new DefaultJWTCallerPrincipalFactory().parse(token, expected());
    }

    @Benchmark
    public JwtContext jose4jConsumer() throws Exception {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(true, AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(30, 60 * 60 * 24 + 30)
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .build()
                .process(token);
    }
}
