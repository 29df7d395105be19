package io.crosscheck.archfixtures.cycle.b;

import io.crosscheck.archfixtures.cycle.a.A;

/** The other half: b uses a. */
public class B {
    public A partner() {
        return new A();
    }
}
