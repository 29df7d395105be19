package io.crosscheck.screening.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class ScreeningApiIT extends ScreeningApiTest {}
