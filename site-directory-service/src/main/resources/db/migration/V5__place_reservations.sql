-- The directory owns capacity: a place is reserved here, on a booking request, and never counted from a
-- booking someone else recorded. One row per place a referral held; a released place keeps its row (when
-- and why), so a class's places taken can always be explained.
create table place_reservation (
    id               uuid primary key,
    referral_id      text not null,
    class_id         text not null references cohort (id) on delete cascade,
    -- the booking request that reserved it (counts up per referral)
    request_number   integer not null,
    reserved_at      timestamptz not null,
    released_at      timestamptz,
    released_because text check (released_because in ('BOOKING_CANCELLED', 'WITHDRAWN', 'MOVED')),
    check ((released_at is null) = (released_because is null))
);
-- A referral holds at most one place: at most one unreleased reservation per referral. The service
-- serialises a referral's requests; this index is the database's own guarantee.
create unique index place_reservation_held on place_reservation (referral_id) where released_at is null;
create index place_reservation_class on place_reservation (class_id) where released_at is null;

-- A class never has more places taken than capacity. Bookings used to be counted even into a full class;
-- such a class keeps the people booked into it (capacity raised to match, as the class API's rule
-- "capacity never below places taken" requires), within the 20 a group may hold.
update cohort set capacity = places_taken, version = version + 1
where places_taken > capacity and places_taken <= 20;
update cohort set places_taken = capacity, version = version + 1 where places_taken > capacity;
alter table cohort add constraint cohort_places_within_capacity check (places_taken <= capacity);
comment on column cohort.places_taken is
    'places reserved (place_reservation rows not released); before V5, bookings counted from referral.booked';
