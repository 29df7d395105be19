package io.crosscheck.security;

/**
 * How a client reaches their clinic, as the take-home sheet prints it: the clinic's name and, each optional, its
 * phone number, e-mail address, postal address, opening hours and the local emergency number.
 */
public record ClinicContact(
        String name, String phone, String email, String address, String hours, String emergencyNumber) {

    /** Whether any way to reach the clinic is set (the name alone is not one). */
    public boolean reachable() {
        return phone != null || email != null || address != null;
    }
}
