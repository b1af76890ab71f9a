-- What a site offers people who need it, in the event contract's words (AccessibilityFeature), stored as
-- the programmes are: e.g. 'STEP_FREE_ACCESS,ON_SITE_PARKING'; '' when none is recorded. The free-text
-- note the column held until now stays, under a name that says what it is.
alter table site rename column accessibility to accessibility_notes;
alter table site add column accessibility text not null default ''
    check (accessibility = ''
        or accessibility ~ '^(STEP_FREE_ACCESS|ACCESSIBLE_TOILET|HEARING_LOOP|ON_SITE_PARKING|NEAR_PUBLIC_TRANSPORT)(,(STEP_FREE_ACCESS|ACCESSIBLE_TOILET|HEARING_LOOP|ON_SITE_PARKING|NEAR_PUBLIC_TRANSPORT))*$');
