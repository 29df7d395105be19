package io.crosscheck.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Test EHR keys and tokens: an RSA key (RS384) whose JWKS is served over real HTTP by a JDK HttpServer,
 * an EC P-384 key (ES384) registered as a stored JWKS, and a key no EHR registered. Tokens are real
 * JWTs signed with jose4j, as an EHR would sign them.
 */
public final class EhrKeys {

    public static final String RSA_ISSUER = "https://ehr-rsa.example.org";
    public static final String EC_ISSUER = "https://ehr-ec.example.org";

    public static final RsaJsonWebKey RSA;
    public static final EllipticCurveJsonWebKey EC;
    public static final EllipticCurveJsonWebKey STRANGER;
    private static HttpServer jwksServer;
    public static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();

    static {
        try {
            RSA = RsaJwkGenerator.generateJwk(2048);
            RSA.setKeyId("rsa-1");
            EC = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            EC.setKeyId("ec-1");
            STRANGER = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            STRANGER.setKeyId("ec-1");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private EhrKeys() {}

    /** The public JWKS of a key. */
    public static String publicJwks(PublicJsonWebKey key) {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The URL of the RSA key's JWKS, served over HTTP on a random local port (started once). */
    public static synchronized String jwksUrl() {
        if (jwksServer == null) {
            try {
                jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            jwksServer.createContext("/.well-known/jwks.json", exchange -> {
                JWKS_REQUESTS.incrementAndGet();
                byte[] body = publicJwks(RSA).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.start();
        }
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Claims as CDS Hooks 2.0 asks for: iss, sub, aud, exp (5 minutes), iat, jti. */
    public static JwtClaims claims(String issuer, String audience) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setSubject("ehr-client-id");
        c.setAudience(audience);
        c.setExpirationTimeMinutesInTheFuture(5);
        c.setIssuedAtToNow();
        c.setJwtId(UUID.randomUUID().toString());
        return c;
    }

    public static String sign(JwtClaims claims, PublicJsonWebKey key, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A good ES384 token of the EC issuer for an audience, with changes. */
    public static String es384(String audience, Consumer<JwtClaims> change) {
        JwtClaims c = claims(EC_ISSUER, audience);
        change.accept(c);
        return sign(c, EC, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    }

    public static String es384(String audience) {
        return es384(audience, c -> {});
    }

    public static String rs384(String audience) {
        return sign(claims(RSA_ISSUER, audience), RSA, AlgorithmIdentifiers.RSA_USING_SHA384);
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(String audience) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(EC_ISSUER, audience).toJson());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token, keyed with the EC issuer's public JWKS text (the classic key-confusion attack). */
    public static String hs256(String audience) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(EC_ISSUER, audience).toJson());
        jws.setKey(new HmacKey(publicJwks(EC).getBytes(StandardCharsets.UTF_8)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("ec-1");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate minutesAgo(int minutes) {
        NumericDate d = NumericDate.now();
        d.addSeconds(-60L * minutes);
        return d;
    }
}
