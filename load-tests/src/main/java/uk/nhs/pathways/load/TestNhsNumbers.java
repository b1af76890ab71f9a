package uk.nhs.pathways.load;

/**
 * Distinct, valid NHS numbers from the 999 range NHS England reserves for testing (as bin/test-nhs-number
 * makes them): never a real person's. Sequential from a chosen start, so a run never repeats one.
 */
final class TestNhsNumbers {

    private int next;

    TestNhsNumbers(int start) {
        this.next = Math.floorMod(start, 1_000_000);
    }

    /** The next valid number; about one in eleven serials has no check digit and is skipped. */
    synchronized String next() {
        for (int tries = 0; tries < 1_000_000; tries++) {
            String digits = "999" + String.format("%06d", next);
            next = (next + 1) % 1_000_000;
            int check = checkDigit(digits);
            if (check != 10) {
                return digits + check;
            }
        }
        throw new IllegalStateException("test range exhausted");
    }

    /** Modulus 11 over the first nine digits, weights 10 down to 2; 11 reads as 0, 10 means no number. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    static boolean isValid(String nhsNumber) {
        return nhsNumber.matches("\\d{10}") && checkDigit(nhsNumber.substring(0, 9)) == nhsNumber.charAt(9) - '0';
    }
}
