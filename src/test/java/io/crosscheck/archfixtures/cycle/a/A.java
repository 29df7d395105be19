package io.crosscheck.archfixtures.cycle.a;

import io.crosscheck.archfixtures.cycle.b.B;

/** Half of a package cycle: a uses b. */
public class A {
    public B partner() {
        return new B();
    }
}
