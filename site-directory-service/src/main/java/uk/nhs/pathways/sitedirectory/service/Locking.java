package uk.nhs.pathways.sitedirectory.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.function.ToLongFunction;
import uk.nhs.pathways.platform.problem.ProblemException;

/** How the services take a row to change it: locked for update, and at the version the caller saw. */
public final class Locking {

    private Locking() {}

    /** The row, locked until the transaction ends; 404 naming {@code what} when there is none. */
    public static <T extends PanacheEntityBase> T lock(Class<T> type, String what, String id) {
        T row = Panache.getEntityManager(type).find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound(what + " " + id);
        }
        return row;
    }

    /**
     * The row, locked, if it is still at {@code expectedVersion}; 412 when it changed. Locked before the
     * comparison, so nothing (a booking, another editor) can change it between the check and the write.
     */
    public static <T extends PanacheEntityBase> T lockAtVersion(
            Class<T> type, String what, String id, long expectedVersion, ToLongFunction<T> version) {
        T row = lock(type, what, id);
        if (version.applyAsLong(row) != expectedVersion) {
            throw new ProblemException(
                    412,
                    "Precondition failed",
                    what + " " + id + " changed since version " + expectedVersion + "; fetch it again",
                    List.of());
        }
        return row;
    }
}
