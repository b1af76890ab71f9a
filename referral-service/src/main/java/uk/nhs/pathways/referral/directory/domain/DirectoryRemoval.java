package uk.nhs.pathways.referral.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A copy (site, class or funding coverage) a tombstone removed: how each replica's ranking index learns to forget it. */
@Entity
@Table(name = "directory_removal")
public class DirectoryRemoval extends PanacheEntityBase {

    public enum Kind {
        SITE,
        CLASS,
        COVERAGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "copy_id")
    public String copyId;

    public static DirectoryRemoval of(Kind kind, String copyId) {
        DirectoryRemoval removal = new DirectoryRemoval();
        removal.kind = kind;
        removal.copyId = copyId;
        return removal;
    }
}
