package io.crosscheck.archfixtures.leakyengine.screening;

/** A feature-package class the leaky engine should not know. */
public class Screen {}
