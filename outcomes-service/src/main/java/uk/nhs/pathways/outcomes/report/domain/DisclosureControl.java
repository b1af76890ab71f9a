package uk.nhs.pathways.outcomes.report.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Small-number suppression for tables that leave one ICB's own scope. Every count of 1 to
 * {@value #THRESHOLD} - 1 people is suppressed (primary suppression); then, so that no suppressed count
 * can be worked out from what is shown, more cells are suppressed (secondary suppression) until every
 * suppressed cell, and every hidden count that is small, stays unknown.
 *
 * <p>What can be worked out is modelled with equations: a total and its parts (a parent row and its
 * child rows, one count and the counts it splits into), each a set of cells whose values are tied by one
 * sum. Cells may be shown or hidden (a complement the table does not print, e.g. non-responders). Knowing
 * all but one cell of an equation gives the last; this is applied until nothing more can be learned.
 * Whenever a protected cell would be learned, the smallest non-zero shown cell of the equation that gives
 * it away is suppressed too, and the check starts again. Zero is shown: it tells nothing about a person.
 */
public final class DisclosureControl {

    /** Counts below this (and above zero) are never shown outside the ICB they are about. */
    public static final int THRESHOLD = 5;

    private final List<Long> values = new ArrayList<>();
    private final BitSet shown = new BitSet();
    private final List<int[]> equations = new ArrayList<>();

    /** Adds a cell; returns its id. */
    public int cell(long value, boolean isShown) {
        int id = values.size();
        values.add(value);
        if (isShown) {
            shown.set(id);
        }
        return id;
    }

    /** The cells of one sum (a total and its parts): any one of them follows from all the others. */
    public void equation(int... cells) {
        if (cells.length > 1) {
            equations.add(cells.clone());
        }
    }

    public static boolean small(long value) {
        return value > 0 && value < THRESHOLD;
    }

    /** @return the shown cells to suppress: the small ones, and enough others to protect them */
    public BitSet suppress() {
        int n = values.size();
        BitSet suppressed = new BitSet(n);
        BitSet sensitiveHidden = new BitSet(n);
        for (int id = 0; id < n; id++) {
            if (small(values.get(id))) {
                (shown.get(id) ? suppressed : sensitiveHidden).set(id);
            }
        }
        List<List<Integer>> equationsOf = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            equationsOf.add(new ArrayList<>(2));
        }
        for (int e = 0; e < equations.size(); e++) {
            for (int cell : equations.get(e)) {
                equationsOf.get(cell).add(e);
            }
        }
        while (true) {
            BitSet known = (BitSet) shown.clone();
            known.andNot(suppressed);
            int[] derivedBy = derive(known, equationsOf);
            BitSet chosen = new BitSet(n);
            for (int id = 0; id < n; id++) {
                boolean protectedCell = suppressed.get(id) || sensitiveHidden.get(id);
                if (protectedCell && derivedBy[id] >= 0) {
                    int candidate = candidate(id, derivedBy, suppressed);
                    if (candidate >= 0) {
                        chosen.set(candidate);
                    }
                }
            }
            if (chosen.isEmpty()) {
                return suppressed;
            }
            suppressed.or(chosen);
        }
    }

    /** Learns every cell that follows from the known ones; returns, per cell, the equation it followed from. */
    private int[] derive(BitSet known, List<List<Integer>> equationsOf) {
        int[] derivedBy = new int[values.size()];
        java.util.Arrays.fill(derivedBy, -1);
        int[] unknown = new int[equations.size()];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int e = 0; e < equations.size(); e++) {
            for (int cell : equations.get(e)) {
                if (!known.get(cell)) {
                    unknown[e]++;
                }
            }
            if (unknown[e] == 1) {
                ready.add(e);
            }
        }
        while (!ready.isEmpty()) {
            int e = ready.poll();
            if (unknown[e] != 1) {
                continue;
            }
            for (int cell : equations.get(e)) {
                if (!known.get(cell)) {
                    known.set(cell);
                    derivedBy[cell] = e;
                    for (int other : equationsOf.get(cell)) {
                        if (--unknown[other] == 1) {
                            ready.add(other);
                        }
                    }
                }
            }
        }
        return derivedBy;
    }

    /**
     * A shown cell whose suppression stops the given cell being learned: the smallest non-zero shown cell of
     * the equation it followed from, else of the equations the learned cells of that one followed from.
     */
    private int candidate(int cell, int[] derivedBy, BitSet suppressed) {
        Deque<Integer> cells = new ArrayDeque<>(List.of(cell));
        BitSet visited = new BitSet();
        int best = -1;
        int fallback = -1;
        while (!cells.isEmpty() && best < 0) {
            int current = cells.poll();
            if (visited.get(current) || derivedBy[current] < 0) {
                continue;
            }
            visited.set(current);
            for (int other : equations.get(derivedBy[current])) {
                if (other == current) {
                    continue;
                }
                if (shown.get(other) && !suppressed.get(other)) {
                    if (values.get(other) > 0 && (best < 0 || values.get(other) < values.get(best))) {
                        best = other;
                    } else if (fallback < 0) {
                        fallback = other;
                    }
                } else {
                    cells.add(other);
                }
            }
        }
        return best >= 0 ? best : fallback;
    }
}
