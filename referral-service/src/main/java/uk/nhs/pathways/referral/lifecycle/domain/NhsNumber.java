package uk.nhs.pathways.referral.lifecycle.domain;

/** The NHS number's own rule: ten digits, the last a modulus-11 check digit of the first nine. */
public final class NhsNumber {

    private NhsNumber() {}

    /** "943 476 5919" becomes "9434765919". */
    public static String normalise(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String value) {
        String digits = normalise(value);
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
