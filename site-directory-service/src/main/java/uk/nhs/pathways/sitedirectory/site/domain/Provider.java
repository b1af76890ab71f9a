package uk.nhs.pathways.sitedirectory.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.ProviderType;

@Entity
public class Provider extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ProviderType type;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
