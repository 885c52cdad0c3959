"""Practice authority: licences, jurisdictions as data, agency credentialing, national cert."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.authority import (
    AgencyCredential,
    Jurisdiction,
    PracticeDecision,
    Practitioner,
    StateLicense,
    practice_authority,
)
from emrpath.scope import Level
from tests.errors import raises_emrpath
from tests.strategies import dates

D = dt.date
MT = Jurisdiction("MT", "Montana")
SOURCE = ep.Citation(
    url="https://example.org/xx-ems-rules",
    quote="No state licence is issued at the EMR level.",
    title="Example jurisdiction's EMS rules (test data)",
)
NO_LICENSE = Jurisdiction("XX", "Example Territory", requires_state_license=False, citation=SOURCE)


def emr_license(code: str = "MT", level: str = "emr") -> StateLicense:
    return StateLicense(code, level, D(2025, 7, 1), D(2027, 6, 30))


def codes(decision: PracticeDecision) -> list[str]:
    return [r.code for r in decision.reasons]


# -- scenarios quoting the seed --------------------------------------------------------------


def test_certification_alone_is_not_practice_authority() -> None:
    """Seed: "National Registry certification alone is not legal practice authority; state
    licensure or authorization is required where applicable.\""""
    person = Practitioner(certification=ep.Certification(D(2025, 6, 2)))
    decision = practice_authority(
        person,
        "MT",
        on=D(2026, 1, 5),
        jurisdictions=[MT],
        require_national_certification=True,
        program=ep.NREMT_EMR,
    )
    assert not decision.allowed
    assert decision.missing == ("an unexpired MT licence or authorization at EMR level or higher",)
    assert "national_certification_not_authority" in codes(decision)
    assert "license_missing" in codes(decision)
    reason = decision.reasons[0]
    assert reason.citation is not None
    assert reason.confidence is ep.Confidence.PRIMARY
    assert "nremt.org" in reason.citation.url


def test_where_required_a_state_licence_grants_authority() -> None:
    """Seed: "Where required, an EMR needs state licensure or authorization before functioning
    in the role.\""""
    person = Practitioner(licenses=[emr_license()])
    decision = practice_authority(
        person, "MT", on=D(2026, 3, 1), jurisdictions=[MT], program=ep.NREMT_EMR
    )
    assert decision.allowed
    assert decision.missing == ()
    assert decision.license == emr_license()
    assert decision.valid_until == D(2027, 6, 30)
    assert decision.license_required
    assert decision.jurisdiction_known
    assert codes(decision) == [
        "national_certification_not_authority",
        "license_required",
        "license_valid",
    ]
    assert str(decision).startswith("allowed: EMR in MT on 2026-03-01 through 2027-06-30")


def test_an_unknown_jurisdiction_is_treated_as_requiring_a_licence_and_says_so() -> None:
    """design.md: "unknown jurisdictions are treated as requiring one"."""
    decision = practice_authority(Practitioner(), "WY", on=D(2026, 1, 5), program=ep.NREMT_EMR)
    assert not decision.allowed
    assert decision.license_required
    assert not decision.jurisdiction_known
    unknown = next(r for r in decision.reasons if r.code == "jurisdiction_unknown")
    assert "treated as requiring" in unknown.message
    assert unknown.confidence is ep.Confidence.SECONDARY
    assert decision.confidence is ep.Confidence.SECONDARY


def test_a_jurisdiction_without_its_own_licence_rests_on_its_cited_data() -> None:
    decision = practice_authority(
        Practitioner(),
        "XX",
        on=D(2026, 1, 5),
        jurisdictions={"XX": NO_LICENSE},
        program=ep.NREMT_EMR,
    )
    assert decision.allowed
    assert not decision.license_required
    assert decision.valid_until is None
    reason = next(r for r in decision.reasons if r.code == "license_not_required")
    assert reason.citation == SOURCE


def test_medical_direction_when_the_caller_asks() -> None:
    """Seed: "follow your service's onboarding and medical-direction process." The agency
    credential is required only where the caller asks, and then its absence is missing."""
    person = Practitioner(licenses=[emr_license()])
    asked = practice_authority(
        person, "MT", on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert not asked.allowed
    assert asked.missing == ("agency credentialing under medical direction, in force",)
    credential = AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1), D(2026, 8, 1))
    person = Practitioner(licenses=[emr_license()], agency_credentials=[credential])
    decision = practice_authority(
        person, "MT", on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert decision.allowed
    assert decision.valid_until == D(2026, 8, 1)  # the earliest end of what it rests on
    later = practice_authority(
        person, "MT", on=D(2026, 8, 2), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert not later.allowed
    assert "agency_credential_expired" in codes(later)


def test_an_agency_credential_for_another_jurisdiction_does_not_count() -> None:
    credential = AgencyCredential("Teton EMS", "Dr. Li", D(2025, 1, 1), jurisdiction="WY")
    person = Practitioner(licenses=[emr_license()], agency_credentials=[credential])
    decision = practice_authority(
        person, "MT", on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert not decision.allowed
    assert "agency_credential_missing" in codes(decision)


def test_a_higher_licence_authorises_a_lower_level_and_a_lower_one_does_not() -> None:
    emt = Practitioner(licenses=[emr_license(level="emt")])
    as_emr = practice_authority(emt, "MT", on=D(2026, 3, 1), program=ep.NREMT_EMR)
    assert as_emr.allowed
    higher = next(r for r in as_emr.reasons if r.code == "license_level_higher")
    assert higher.confidence is ep.Confidence.SECONDARY
    as_aemt = practice_authority(
        emt, "MT", on=D(2026, 3, 1), level=Level.AEMT, program=ep.NREMT_EMR
    )
    assert not as_aemt.allowed
    assert "license_level_too_low" in codes(as_aemt)
    assert as_aemt.missing == ("an unexpired MT licence or authorization at AEMT level or higher",)


def test_every_missing_item_is_listed() -> None:
    """design.md: "Every 'no' lists what is missing"."""
    person = Practitioner(
        licenses=[emr_license("ID")],
        certification=ep.Certification(D(2021, 3, 1)),  # expired 2023-09-30
    )
    decision = practice_authority(
        person,
        "MT",
        on=D(2026, 3, 1),
        require_agency_credential=True,
        require_national_certification=True,
        program=ep.NREMT_EMR,
    )
    assert decision.missing == (
        "a current national certification",
        "an unexpired MT licence or authorization at EMR level or higher",
        "agency credentialing under medical direction, in force",
    )
    missing = next(r for r in decision.reasons if r.code == "license_missing")
    assert "licences in ID do not authorise practice in MT" in missing.message
    assert "National certification expired 2023-09-30" in decision.reasons[0].message


def test_a_licence_issued_after_the_date_is_not_yet_in_force() -> None:
    decision = practice_authority(
        Practitioner(licenses=[emr_license()]), "MT", on=D(2025, 6, 30), program=ep.NREMT_EMR
    )
    assert not decision.allowed
    assert "license_not_yet_valid" in codes(decision)


def test_the_issue_and_expiry_days_are_in_force() -> None:
    person = Practitioner(licenses=[emr_license()])
    assert practice_authority(person, "MT", on=D(2025, 7, 1), program=ep.NREMT_EMR).allowed
    assert practice_authority(person, "MT", on=D(2027, 6, 30), program=ep.NREMT_EMR).allowed
    assert not practice_authority(person, "MT", on=D(2027, 7, 1), program=ep.NREMT_EMR).allowed


def test_an_aware_datetime_is_read_in_the_program_timezone() -> None:
    person = Practitioner(licenses=[emr_license()])
    late = dt.datetime(2027, 7, 1, 2, 0, tzinfo=dt.timezone.utc)  # 30 June in New York
    assert practice_authority(person, "MT", on=late, program=ep.NREMT_EMR).allowed


def test_values_pickle_equal() -> None:
    credential = AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1))
    person = Practitioner([emr_license()], ep.Certification(D(2025, 6, 2)), [credential])
    decision = practice_authority(person, NO_LICENSE, on=D(2026, 3, 1), program=ep.NREMT_EMR)
    for value in (person, decision, NO_LICENSE, credential, emr_license()):
        assert pickle.loads(pickle.dumps(value)) == value


# -- properties --------------------------------------------------------------------------------

LEVELS = st.sampled_from(list(Level))
WINDOW = (D(2016, 1, 1), D(2040, 12, 31))


@st.composite
def licences(draw: st.DrawFn) -> StateLicense:
    start = draw(dates(*WINDOW))
    end = draw(dates(start, D(2045, 12, 31)))
    return StateLicense(draw(st.sampled_from(["MT", "ID"])), draw(LEVELS), start, end)


@given(st.lists(licences(), max_size=4), dates(*WINDOW), dates(*WINDOW))
def test_a_later_date_never_revives_an_expired_licence(
    held: list[StateLicense], a: dt.date, b: dt.date
) -> None:
    """design.md: authority needs "an unexpired state license/authorization"; once a licence
    has expired, no later date makes it the licence that authorises."""
    first, later = min(a, b), max(a, b)
    person = Practitioner(licenses=held)
    before = practice_authority(person, "MT", on=first, program=ep.NREMT_EMR)
    after = practice_authority(person, "MT", on=later, program=ep.NREMT_EMR)
    expired = [lic for lic in held if lic.jurisdiction == "MT" and first > lic.expires_on]
    assert after.license not in expired
    if not before.allowed and all(lic in expired for lic in held if lic.jurisdiction == "MT"):
        assert not after.allowed


@given(
    dates(*WINDOW),
    dates(*WINDOW),
    st.booleans(),
    st.booleans(),
    st.lists(licences(), max_size=3),
)
def test_national_certification_alone_never_grants_authority(
    certified_on: dt.date,
    on: dt.date,
    require_national: bool,
    agency: bool,
    elsewhere: list[StateLicense],
) -> None:
    """Seed: "National Registry certification alone is not legal practice authority"."""
    person = Practitioner(
        licenses=[moved_to_idaho(lic) for lic in elsewhere],
        certification=ep.Certification(certified_on),
        agency_credentials=[AgencyCredential("A", "Dr. B", D(2000, 1, 1))] if agency else [],
    )
    for where in ("MT", MT):
        decision = practice_authority(
            person,
            where,
            on=on,
            require_national_certification=require_national,
            require_agency_credential=agency,
            program=ep.NREMT_EMR,
        )
        assert not decision.allowed
        assert decision.missing
        assert decision.valid_until is None


def moved_to_idaho(lic: StateLicense) -> StateLicense:
    """The same licence, moved to a jurisdiction other than MT."""
    return StateLicense("ID", lic.level, lic.issued_on, lic.expires_on)


@given(st.lists(licences(), max_size=4), dates(*WINDOW), LEVELS, LEVELS)
def test_authority_at_a_level_implies_authority_at_every_lower_level(
    held: list[StateLicense], on: dt.date, one: Level, other: Level
) -> None:
    """Policy: "a licence below the level asked does not authorise"; a higher one does."""
    low, high = min(one, other), max(one, other)
    person = Practitioner(licenses=held)
    if practice_authority(person, "MT", on=on, level=high, program=ep.NREMT_EMR).allowed:
        assert practice_authority(person, "MT", on=on, level=low, program=ep.NREMT_EMR).allowed


@given(st.lists(licences(), max_size=4), dates(*WINDOW))
def test_allowed_exactly_when_nothing_is_missing(held: list[StateLicense], on: dt.date) -> None:
    """design.md: "Every 'no' lists what is missing"; the decision is the conjunction."""
    person = Practitioner(licenses=held)
    decision = practice_authority(person, "MT", on=on, program=ep.NREMT_EMR)
    assert decision.allowed == (not decision.missing)
    in_force = any(
        lic.jurisdiction == "MT" and lic.issued_on <= on <= lic.expires_on for lic in held
    )
    assert decision.allowed == in_force
    if decision.allowed:
        assert decision.license is not None
        assert decision.valid_until == decision.license.expires_on >= on


# -- bad input -------------------------------------------------------------------------------


def test_an_unsourced_jurisdiction_cannot_waive_the_licence() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        Jurisdiction("XX", "Nowhere", requires_state_license=False)
    assert info.value.field == "Jurisdiction.citation"
    assert info.value.rule == "practice authority"


@pytest.mark.parametrize("code", ["mt", "", " MT", "MT-", "M T", "US--MT"])
def test_malformed_codes_are_refused_everywhere(code: str) -> None:
    with pytest.raises(ep.InvalidRecordError, match="not a jurisdiction code"):
        Jurisdiction(code, "Montana")
    with pytest.raises(ep.InvalidRecordError, match="not a jurisdiction code"):
        StateLicense(code, "emr", D(2025, 1, 1), D(2026, 1, 1))
    with pytest.raises(ep.InvalidRecordError) as info:
        practice_authority(Practitioner(), code, on=D(2026, 1, 1), program=ep.NREMT_EMR)
    assert info.value.field == "jurisdiction"


def test_bad_records_name_their_field() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        StateLicense("MT", "emr", D(2026, 1, 2), D(2026, 1, 1))
    assert info.value.field == "StateLicense.expires_on"
    with pytest.raises(ep.UnknownNameError) as unknown:
        StateLicense("MT", "EMT", D(2026, 1, 1), D(2027, 1, 1))
    assert unknown.value.field == "StateLicense.level"
    with pytest.raises(ep.InputTypeError) as wrong:
        StateLicense("MT", "emr", "2026-01-01", D(2027, 1, 1))  # type: ignore[arg-type]
    assert wrong.value.field == "StateLicense.issued_on"
    with raises_emrpath(
        ep.InvalidRecordError, field="AgencyCredential.medical_director", rule="practice authority"
    ):
        AgencyCredential("A", "  ", D(2026, 1, 1))
    with pytest.raises(ep.InvalidRecordError) as early:
        AgencyCredential("A", "Dr. B", D(2026, 1, 2), D(2026, 1, 1))
    assert early.value.field == "AgencyCredential.expires_on"
    with pytest.raises(ep.InputTypeError) as listed:
        Practitioner(licenses=[emr_license(), "MT"])  # type: ignore[list-item]
    assert listed.value.field == "Practitioner.licenses[1]"
    with raises_emrpath(
        ep.InputTypeError, field="Practitioner.licenses", rule="practice authority"
    ):
        Practitioner(licenses=emr_license())  # type: ignore[arg-type]
    with raises_emrpath(
        ep.InputTypeError, field="Practitioner.certification", rule="practice authority"
    ):
        Practitioner(certification=D(2025, 1, 1))  # type: ignore[arg-type]
    with raises_emrpath(
        ep.InputTypeError, field="Jurisdiction.requires_state_license", rule="practice authority"
    ):
        Jurisdiction("MT", "Montana", requires_state_license=1)  # type: ignore[arg-type]


def test_bad_arguments_are_refused() -> None:
    person = Practitioner()
    with pytest.raises(ep.InputTypeError) as info:
        practice_authority(person, "MT", on="2026-01-01", program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert info.value.field == "on"
    with raises_emrpath(ep.NaiveDatetimeError, field="on", rule="practice authority"):
        practice_authority(person, "MT", on=dt.datetime(2026, 1, 1), program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError) as who:
        practice_authority([emr_license()], "MT", on=D(2026, 1, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert who.value.field == "person"
    with raises_emrpath(ep.InputTypeError, field="jurisdiction", rule="practice authority"):
        practice_authority(person, 30, on=D(2026, 1, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    with raises_emrpath(ep.UnknownNameError, field="level", rule="scope of practice"):
        practice_authority(person, "MT", on=D(2026, 1, 1), level="EMR", program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError) as flag:
        practice_authority(
            person,
            "MT",
            on=D(2026, 1, 1),
            require_agency_credential="yes",  # type: ignore[arg-type]
            program=ep.NREMT_EMR,
        )
    assert flag.value.field == "require_agency_credential"
    with pytest.raises(ep.InputTypeError) as table:
        practice_authority(
            person, "MT", on=D(2026, 1, 1), jurisdictions=["MT"], program=ep.NREMT_EMR
        )  # type: ignore[list-item]
    assert table.value.field == "jurisdictions[0]"
    with pytest.raises(ep.InvalidRecordError) as twice:
        practice_authority(
            person,
            "MT",
            on=D(2026, 1, 1),
            jurisdictions=[MT, Jurisdiction("MT", "Other")],
            program=ep.NREMT_EMR,
        )
    assert twice.value.field == "jurisdictions[1]"
    with pytest.raises(ep.InputTypeError) as program:
        practice_authority(person, "MT", on=D(2026, 1, 1), program="nremt")  # type: ignore[arg-type]
    assert program.value.field == "program"


def test_a_mapping_key_that_is_not_its_entrys_code_is_refused() -> None:
    """A ``jurisdictions`` mapping's keys are codes: one that names another place is a
    mistake to report, not an entry to drop silently."""
    person = Practitioner(licenses=[emr_license()])
    with pytest.raises(ep.InvalidRecordError) as caught:
        practice_authority(
            person, "XX", on=D(2026, 1, 1), jurisdictions={"XX": MT}, program=ep.NREMT_EMR
        )
    assert type(caught.value) is ep.InvalidRecordError
    assert caught.value.field == "jurisdictions['XX']"
    assert "'MT'" in str(caught.value)
    # keys that match are read as before
    decision = practice_authority(
        person,
        "XX",
        on=D(2026, 1, 1),
        jurisdictions={"XX": NO_LICENSE, "MT": MT},
        program=ep.NREMT_EMR,
    )
    assert decision.allowed
    assert decision.jurisdiction_known


def test_a_jurisdiction_passed_in_does_not_override_a_different_entry_for_its_code() -> None:
    """Two different entries for one code are refused, whether both are in
    ``jurisdictions`` or one is passed as ``jurisdiction``."""
    person = Practitioner(licenses=[emr_license()])
    other = Jurisdiction("MT", "Montana", requires_state_license=False, citation=SOURCE)
    with pytest.raises(ep.InvalidRecordError) as caught:
        practice_authority(
            person, other, on=D(2026, 1, 1), jurisdictions=[MT], program=ep.NREMT_EMR
        )
    assert type(caught.value) is ep.InvalidRecordError
    assert caught.value.field == "jurisdiction"
    assert "two different entries for 'MT'" in str(caught.value)
    # the same entry in both places is fine
    same = practice_authority(
        person, MT, on=D(2026, 1, 1), jurisdictions={"MT": MT}, program=ep.NREMT_EMR
    )
    assert same.allowed


# -- each step in words, and which record it rests on (mutation testing, issue 17) ----------


def test_the_longest_lasting_licence_and_a_credential_never_withdrawn_are_the_ones_shown() -> None:
    """NREMT: "State EMS Offices issue licenses that authorize an individual to practice
    within that state"; seed: "follow your service's onboarding and medical-direction
    process." Of several licences in force the decision rests on the one that lasts
    longest (the higher level, on the same last day); of several credentials, one in force
    until withdrawn outlasts any that expires, and one for another jurisdiction is not
    read."""
    licences = [
        StateLicense("MT", "emr", D(2025, 7, 1), D(2027, 6, 30)),
        StateLicense("MT", "emt", D(2025, 1, 1), D(2027, 6, 30)),
        StateLicense("MT", "emr", D(2024, 1, 1), D(2026, 12, 31)),
        StateLicense("ID", "paramedic", D(2024, 1, 1), D(2029, 12, 31)),
    ]
    credentials = [
        AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1), D(2026, 8, 1)),
        AgencyCredential("Big Sky EMS", "Dr. Bo", D(2025, 1, 1), jurisdiction="MT"),
        AgencyCredential("Teton EMS", "Dr. Li", D(2025, 1, 1), jurisdiction="WY"),
    ]
    person = Practitioner(licences, ep.Certification(D(2025, 6, 2)), credentials)
    decision = practice_authority(
        person,
        "MT",
        on=D(2026, 3, 1),
        require_agency_credential=True,
        require_national_certification=True,
        jurisdictions=[MT],
        program=ep.NREMT_EMR,
    )
    assert decision.license == licences[1]
    assert str(decision).splitlines() == [
        "allowed: EMR in MT on 2026-03-01 through 2027-06-30 | weakest source: secondary",
        "    - National certification is current through 2027-09-30; national certification "
        "is not a licence to practise and never grants authority by itself.",
        "    - Montana (MT) requires its own licence or authorization (no source given for it).",
        "    - MT licence at EMT is in force from 2025-01-01 through 2027-06-30.",
        "    - A licence at EMT authorises functioning at the lower level EMR: levels are "
        "cumulative in scope.",
        "    - Credentialed by Big Sky EMS under the medical direction of Dr. Bo, in force "
        "from 2025-01-01 until withdrawn.",
    ]
    assert [(r.code, r.confidence) for r in decision.reasons] == [
        ("national_certification_not_authority", ep.Confidence.PRIMARY),
        ("license_required", ep.Confidence.SECONDARY),
        ("license_valid", ep.Confidence.PRIMARY),
        ("license_level_higher", ep.Confidence.SECONDARY),
        ("agency_credential_valid", ep.Confidence.SECONDARY),
    ]
    assert [r.parameter for r in decision.reasons] == [None] * 5
    higher = decision.reasons[3].citation
    assert higher is not None
    assert "at or above the level" in higher.quote
    assert repr(decision) == "<PracticeDecision allowed=True emr in MT on 2026-03-01 missing=0>"
    # without Big Sky, Valley Fire's credential is the one, and its end bounds the authority
    fewer = Practitioner(licences, ep.Certification(D(2025, 6, 2)), [credentials[0]])
    valley = practice_authority(
        fewer, "MT", on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert valley.reasons[-1].message == (
        "Credentialed by Valley Fire under the medical direction of Dr. Ada Reyes, in force "
        "from 2025-08-01 through 2026-08-01."
    )
    assert valley.valid_until == D(2026, 8, 1)


def test_a_no_says_why_each_record_does_not_serve() -> None:
    """authority.py: "Every "no" lists each missing or expired item": a licence not yet issued,
    one expired, one below the level asked, a credential not yet in force, one expired,
    and a national certification that starts later, each with its own reason."""
    licences = [
        StateLicense("MT", "emr", D(2026, 7, 1), D(2027, 6, 30)),
        StateLicense("MT", "emr", D(2020, 1, 1), D(2021, 6, 30)),
        StateLicense("MT", "emr", D(2025, 1, 1), D(2027, 6, 30)),
    ]
    credentials = [
        AgencyCredential("Later EMS", "Dr. L", D(2026, 6, 1)),
        AgencyCredential("Old EMS", "Dr. C", D(2020, 1, 1), D(2021, 1, 1)),
    ]
    person = Practitioner(licences, ep.Certification(D(2026, 6, 2)), credentials)
    decision = practice_authority(
        person,
        "MT",
        on=D(2026, 3, 1),
        level="emt",
        require_agency_credential=True,
        require_national_certification=True,
        program=ep.NREMT_EMR,
    )
    assert str(decision).splitlines() == [
        "not allowed: EMT in MT on 2026-03-01 | weakest source: secondary",
        "  missing: a current national certification",
        "  missing: an unexpired MT licence or authorization at EMT level or higher",
        "  missing: agency credentialing under medical direction, in force",
        "    - National certification starts 2026-06-02, after 2026-03-01; national "
        "certification is not a licence to practise and never grants authority by itself.",
        "    - Jurisdiction MT is not among the jurisdictions supplied; it is treated as "
        "requiring its own licence or authorization.",
        "    - MT licence at EMR (2026-07-01 to 2027-06-30) is not in force until 2026-07-01.",
        "    - MT licence at EMR (2020-01-01 to 2021-06-30) expired after 2021-06-30.",
        "    - MT licence at EMR (2025-01-01 to 2027-06-30) is below EMT, the level asked about.",
        "    - Credential by Later EMS is not in force until 2026-06-01.",
        "    - Credential by Old EMS expired after 2021-01-01.",
    ]
    assert [r.code for r in decision.reasons] == [
        "national_certification_not_authority",
        "jurisdiction_unknown",
        "license_not_yet_valid",
        "license_expired",
        "license_level_too_low",
        "agency_credential_not_yet_valid",
        "agency_credential_expired",
    ]
    assert decision.valid_until is None
    assert decision.license is None
    assert repr(decision) == "<PracticeDecision allowed=False emt in MT on 2026-03-01 missing=3>"
    nothing = practice_authority(
        Practitioner(), MT, on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert [r.message for r in nothing.reasons[1:]] == [
        "Montana (MT) requires its own licence or authorization (no source given for it).",
        "No MT licence or authorization is on record.",
        "No agency credential under medical direction for MT is on record.",
    ]


def test_a_required_national_certification_bounds_the_authority_it_joins() -> None:
    """NREMT: "For EMR is it September 30" (a two-year cycle: issued 2024-06-02, it
    expires 2026-09-30); when the caller requires it, the authority ends with it,
    and when the caller does not, the licence alone bounds it. A certificate that is not
    time-limited (ASCP, issued before 2004) is current with no end."""
    person = Practitioner(
        [StateLicense("MT", "emr", D(2025, 7, 1), D(2027, 6, 30))], ep.Certification(D(2024, 6, 2))
    )
    for required, until in ((True, D(2026, 9, 30)), (False, D(2027, 6, 30))):
        decision = practice_authority(
            person,
            "MT",
            on=D(2026, 3, 1),
            require_national_certification=required,
            program=ep.NREMT_EMR,
        )
        assert decision.valid_until == until
    last_day = practice_authority(
        person, "MT", on=D(2026, 9, 30), require_national_certification=True, program=ep.NREMT_EMR
    )
    assert last_day.allowed
    after = practice_authority(
        person, "MT", on=D(2026, 10, 1), require_national_certification=True, program=ep.NREMT_EMR
    )
    assert after.missing == ("a current national certification",)
    assert after.reasons[0].message.startswith("National certification expired 2026-09-30;")
    first_day = Practitioner(certification=ep.Certification(D(2024, 6, 2)))
    on_issue = practice_authority(
        first_day,
        NO_LICENSE,
        on=D(2024, 6, 2),
        require_national_certification=True,
        program=ep.NREMT_EMR,
    )
    assert on_issue.allowed
    old = Practitioner(certification=ep.Certification(D(2000, 5, 1)))
    lifelong = practice_authority(
        old, NO_LICENSE, on=D(2026, 3, 1), require_national_certification=True, program=ep.ASCP_MLS
    )
    assert lifelong.allowed
    assert lifelong.valid_until is None
    assert lifelong.reasons[0].message.startswith(
        "National certification is current (not time-limited); "
    )


def test_a_jurisdiction_waiving_its_licence_carries_its_own_source_and_confidence() -> None:
    """A jurisdiction that "requires no licence of its own must cite where it says so":
    the decision cites that source, with the confidence the caller gave it."""
    primary = Jurisdiction(
        "XX",
        "Example Territory",
        requires_state_license=False,
        citation=SOURCE,
        confidence=ep.Confidence.PRIMARY,
    )
    decision = practice_authority(Practitioner(), primary, on=D(2026, 3, 1), program=ep.NREMT_EMR)
    assert decision.allowed
    reason = decision.reasons[1]
    assert (reason.code, reason.citation, reason.confidence) == (
        "license_not_required",
        SOURCE,
        ep.Confidence.PRIMARY,
    )
    assert reason.message == (
        "Example Territory (XX) requires no licence of its own, per the jurisdiction data "
        "supplied."
    )
    assert decision.confidence is ep.Confidence.PRIMARY
    assert decision.summary() == "allowed: EMR in XX on 2026-03-01 | weakest source: primary"
    sourced = Jurisdiction("MT", "Montana", citation=SOURCE, confidence=ep.Confidence.PRIMARY)
    licensed = practice_authority(
        Practitioner([emr_license()]), sourced, on=D(2026, 3, 1), program=ep.NREMT_EMR
    )
    assert licensed.reasons[1].message == "Montana (MT) requires its own licence or authorization."
    assert licensed.reasons[1].confidence is ep.Confidence.PRIMARY
    assert licensed.confidence is ep.Confidence.PRIMARY


def test_each_refusal_says_what_is_wrong() -> None:
    """Every bad input raises an EmrpathError naming the field and the rule (design
    principle 6), and its message says what was wrong and what is expected."""
    refusals = [
        (
            lambda: Jurisdiction(5, "M"),
            "Jurisdiction.code",
            "must be a str jurisdiction code, got int",
        ),  # type: ignore[arg-type]
        (
            lambda: AgencyCredential("A", "Dr. B", D(2026, 1, 2), jurisdiction="mt"),
            "AgencyCredential.jurisdiction",
            "'mt' is not a jurisdiction code: upper-case letters and digits, parts joined by "
            "single hyphens ('MT', 'US-MT'); codes are compared exactly",
        ),
        (
            lambda: Jurisdiction("XX", "N", requires_state_license=False),
            "Jurisdiction.citation",
            "a jurisdiction that requires no licence of its own must cite where it says so; "
            "an unsourced jurisdiction is treated as requiring one",
        ),
        (
            lambda: StateLicense("MT", "emr", D(2026, 1, 2), D(2026, 1, 1)),
            "StateLicense.expires_on",
            "2026-01-01 is before issued_on 2026-01-02",
        ),
        (
            lambda: AgencyCredential("A", "Dr. B", D(2026, 1, 2), D(2026, 1, 1)),
            "AgencyCredential.expires_on",
            "2026-01-01 is before issued_on 2026-01-02",
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                "MT",
                on=D(2026, 1, 1),
                require_national_certification=1,  # type: ignore[arg-type]
                program=ep.NREMT_EMR,
            ),
            "require_national_certification",
            "must be True or False, got int",
        ),
        (
            lambda: practice_authority(Practitioner(), 30, on=D(2026, 1, 1), program=ep.NREMT_EMR),  # type: ignore[arg-type]
            "jurisdiction",
            "must be a Jurisdiction or its code, got int",
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                "MT",
                on=D(2026, 1, 1),
                jurisdictions={"XX": MT},
                program=ep.NREMT_EMR,
            ),
            "jurisdictions['XX']",
            "the key 'XX' is not the code of its entry ('MT')",
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                "MT",
                on=D(2026, 1, 1),
                jurisdictions=[MT, Jurisdiction("MT", "Other")],
                program=ep.NREMT_EMR,
            ),
            "jurisdictions[1]",
            "two different entries for 'MT'",
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                Jurisdiction("MT", "Other"),
                on=D(2026, 1, 1),
                jurisdictions=[MT],
                program=ep.NREMT_EMR,
            ),
            "jurisdiction",
            "two different entries for 'MT' (one passed as jurisdiction, one in jurisdictions)",
        ),
        (
            lambda: AgencyCredential("A", "B", D(2025, 1, 1)).in_force("2025-07-01"),  # type: ignore[arg-type]
            "on",
            "expected a datetime.date, got str '2025-07-01'",
        ),
    ]
    for call, field, message in refusals:
        with raises_emrpath(ep.EmrpathError, field=field, rule="practice authority") as info:
            call()
        assert info.value.message == message
    # the same entry twice, and an expiry on the issue day, are fine
    twice = practice_authority(
        Practitioner(), "MT", on=D(2026, 1, 1), jurisdictions=[MT, MT], program=ep.NREMT_EMR
    )
    assert twice.jurisdiction_known
    assert StateLicense("MT", "emr", D(2026, 1, 1), D(2026, 1, 1)).in_force(D(2026, 1, 1))
    assert AgencyCredential("A", "B", D(2026, 1, 1), D(2026, 1, 1)).in_force(D(2026, 1, 1))


def test_the_level_asked_defaults_to_the_programs_own() -> None:
    """``level`` defaults to "the program's level, ``program.level``; EMR for a program
    without one": an EMT licence authorises NREMT EMT practice, and ASCP (no EMS level)
    asks about EMR."""
    emt = practice_authority(Practitioner(), "MT", on=D(2026, 1, 1), program=ep.NREMT_EMT)
    assert emt.level is Level.EMT
    assert emt.missing == ("an unexpired MT licence or authorization at EMT level or higher",)
    assert ep.ASCP_MLS.level is None
    mls = practice_authority(Practitioner(), "MT", on=D(2026, 1, 1), program=ep.ASCP_MLS)
    assert mls.level is Level.EMR


def test_every_reason_cites_its_source() -> None:
    """Module docstring: "Every "no" lists each missing or expired item, as a cited
    Reason": the licence steps cite NREMT ("State EMS Offices issue licenses that authorize
    an individual to practice within that state"), agency steps the seed's "follow your
    service's onboarding and medical-direction process", an unknown jurisdiction the seed's
    "Where required, an EMR needs state licensure or authorization before functioning in
    the role", and the national certification NREMT's definition of licensure."""
    licences = [
        StateLicense("MT", "emr", D(2026, 7, 1), D(2027, 6, 30)),
        StateLicense("MT", "emr", D(2020, 1, 1), D(2021, 6, 30)),
        StateLicense("MT", "emr", D(2025, 1, 1), D(2027, 6, 30)),
    ]
    credentials = [
        AgencyCredential("Later EMS", "Dr. L", D(2026, 6, 1)),
        AgencyCredential("Old EMS", "Dr. C", D(2020, 1, 1), D(2021, 1, 1)),
    ]
    person = Practitioner(licences, ep.Certification(D(2026, 6, 2)), credentials)
    decision = practice_authority(
        person,
        "MT",
        on=D(2026, 3, 1),
        level="emt",
        require_agency_credential=True,
        program=ep.NREMT_EMR,
    )
    quotes = [r.citation.quote if r.citation else None for r in decision.reasons]
    assert quotes[0] is not None
    assert quotes[0].startswith("Licensure, on the other hand, is the state's grant")
    assert quotes[1] == (
        "Where required, an EMR needs state licensure or authorization before functioning "
        "in the role."
    )
    state = (
        "State EMS Offices issue licenses that authorize an individual to practice within "
        "that state."
    )
    assert quotes[2:5] == [state] * 3
    assert quotes[5:] == ["follow your service's onboarding and medical-direction process."] * 2
    # on its last day, a licence below the level asked is too low, not expired
    last_day = practice_authority(
        Practitioner([licences[2]]), "MT", on=D(2027, 6, 30), level="emt", program=ep.NREMT_EMR
    )
    assert [r.code for r in last_day.reasons][-1] == "license_level_too_low"


def test_a_required_national_certification_that_is_not_on_record_is_missing() -> None:
    """authority.py: "where the caller asks (require_national_certification=True), the
    national certification is current that day": with none on record it is missing,
    even where no licence is needed."""
    decision = practice_authority(
        Practitioner(),
        NO_LICENSE,
        on=D(2026, 3, 1),
        require_national_certification=True,
        program=ep.NREMT_EMR,
    )
    assert not decision.allowed
    assert decision.missing == ("a current national certification",)
    assert decision.reasons[0].message.startswith("No national certification is on record; ")


# -- every step's source and confidence, and the refusals of the shared validators ----------
# (mutation testing, issue 17: the survivors of authority's first runs)

LICENSURE_QUOTE = (
    "Licensure, on the other hand, is the state's grant of legal authority, pursuant to the "
    "state's police powers, to practice a profession within a designated scope of practice."
)
STATE_QUOTE = (
    "State EMS Offices issue licenses that authorize an individual to practice within that state."
)
AT_OR_ABOVE_QUOTE = (
    "maintained unrestricted state licensure at or above the level of the last National "
    "Certification held."
)
WHERE_QUOTE = (
    "Where required, an EMR needs state licensure or authorization before functioning in the role."
)
DIRECTION_QUOTE = "follow your service's onboarding and medical-direction process."
P, S = ep.Confidence.PRIMARY, ep.Confidence.SECONDARY


def sourced(decision: PracticeDecision) -> list[tuple[str, str | None, ep.Confidence]]:
    """Each reason as (code, the quote it cites, its confidence)."""
    return [
        (r.code, r.citation.quote if r.citation is not None else None, r.confidence)
        for r in decision.reasons
    ]


def test_each_step_carries_the_source_and_confidence_of_its_rule() -> None:
    """authority.py: "NREMT, primary: State EMS Offices issue licenses that authorize an
    individual to practice within that state"; "The seed document (open-exam-prep),
    secondary: ... follow your service's onboarding and medical-direction process"; the
    "at or above the level" reading "is marked secondary". Every step of every path, the
    ones that grant and the ones that refuse, cites its own source at its own confidence."""
    allowed = practice_authority(
        Practitioner(
            [emr_license(level="emt")],
            ep.Certification(D(2025, 6, 2)),
            [AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1), D(2026, 8, 1))],
        ),
        "MT",
        on=D(2026, 3, 1),
        require_agency_credential=True,
        program=ep.NREMT_EMR,
    )
    assert sourced(allowed) == [
        ("national_certification_not_authority", LICENSURE_QUOTE, P),
        ("jurisdiction_unknown", WHERE_QUOTE, S),
        ("license_valid", STATE_QUOTE, P),
        ("license_level_higher", AT_OR_ABOVE_QUOTE, S),
        ("agency_credential_valid", DIRECTION_QUOTE, S),
    ]
    # nothing on record: the missing licence is NREMT's (primary), the credential the seed's
    nothing = practice_authority(
        Practitioner(), MT, on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert sourced(nothing) == [
        ("national_certification_not_authority", LICENSURE_QUOTE, P),
        ("license_required", WHERE_QUOTE, S),
        ("license_missing", STATE_QUOTE, P),
        ("agency_credential_missing", DIRECTION_QUOTE, S),
    ]
    # each record that does not serve, each with its rule's source
    records = Practitioner(
        [
            StateLicense("MT", "emr", D(2026, 7, 1), D(2027, 6, 30)),
            StateLicense("MT", "emr", D(2020, 1, 1), D(2021, 6, 30)),
            StateLicense("MT", "emr", D(2025, 1, 1), D(2027, 6, 30)),
        ],
        None,
        [
            AgencyCredential("Later EMS", "Dr. L", D(2026, 6, 1)),
            AgencyCredential("Old EMS", "Dr. C", D(2020, 1, 1), D(2021, 1, 1)),
        ],
    )
    refused = practice_authority(
        records,
        Jurisdiction("MT", "Montana", citation=SOURCE, confidence=P),
        on=D(2026, 3, 1),
        level="emt",
        require_agency_credential=True,
        program=ep.NREMT_EMR,
    )
    assert sourced(refused) == [
        ("national_certification_not_authority", LICENSURE_QUOTE, P),
        ("license_required", SOURCE.quote, P),
        ("license_not_yet_valid", STATE_QUOTE, P),
        ("license_expired", STATE_QUOTE, P),
        ("license_level_too_low", STATE_QUOTE, P),
        ("agency_credential_not_yet_valid", DIRECTION_QUOTE, S),
        ("agency_credential_expired", DIRECTION_QUOTE, S),
    ]
    assert [r.parameter for r in refused.reasons] == [None] * 7
    # the weakest confidence is the seed's, which the agency steps carry
    assert refused.confidence is S
    # a jurisdiction with a primary source, a licence at the level asked, no agency asked:
    # every step is primary, and so is the decision
    primary = practice_authority(
        Practitioner([emr_license()]),
        Jurisdiction("MT", "Montana", citation=SOURCE, confidence=P),
        on=D(2026, 3, 1),
        program=ep.NREMT_EMR,
    )
    assert primary.confidence is P
    assert sourced(primary)[2] == ("license_valid", STATE_QUOTE, P)
    waived = practice_authority(
        Practitioner(),
        Jurisdiction("XX", "Example Territory", requires_state_license=False, citation=SOURCE),
        on=D(2026, 3, 1),
        program=ep.NREMT_EMR,
    )
    assert sourced(waived)[1] == ("license_not_required", SOURCE.quote, S)


def test_a_record_on_its_issue_or_expiry_day_is_in_force_and_reasoned_as_such() -> None:
    """authority.py: a licence is in force "issued on or before it, expiring on or after
    it": on its issue day a licence below the level asked is too low, not "not yet in
    force"; on its last day, too low, not expired; the day after, expired. A credential in
    force on its issue and expiry days serves, and the next day it has expired."""
    low = StateLicense("MT", "emr", D(2025, 7, 1), D(2027, 6, 30))
    person = Practitioner([low])
    for day in (D(2025, 7, 1), D(2027, 6, 30)):
        decision = practice_authority(person, "MT", on=day, level="emt", program=ep.NREMT_EMR)
        assert codes(decision)[-1] == "license_level_too_low"
    before = practice_authority(person, "MT", on=D(2025, 6, 30), level="emt", program=ep.NREMT_EMR)
    assert codes(before)[-1] == "license_not_yet_valid"
    after = practice_authority(person, "MT", on=D(2027, 7, 1), level="emt", program=ep.NREMT_EMR)
    assert codes(after)[-1] == "license_expired"
    credential = AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1), D(2026, 7, 31))
    holder = Practitioner([emr_license()], None, [credential])
    for day, allowed in (
        (D(2025, 7, 31), False),
        (D(2025, 8, 1), True),
        (D(2026, 7, 31), True),
        (D(2026, 8, 1), False),
    ):
        decision = practice_authority(
            holder, "MT", on=day, require_agency_credential=True, program=ep.NREMT_EMR
        )
        assert decision.allowed is allowed
        assert credential.in_force(day) is allowed
    assert (
        codes(
            practice_authority(
                holder,
                "MT",
                on=D(2025, 7, 31),
                require_agency_credential=True,
                program=ep.NREMT_EMR,
            )
        )[-1]
        == "agency_credential_not_yet_valid"
    )
    assert (
        codes(
            practice_authority(
                holder,
                "MT",
                on=D(2026, 8, 1),
                require_agency_credential=True,
                program=ep.NREMT_EMR,
            )
        )[-1]
        == "agency_credential_expired"
    )


def test_the_shared_validators_refuse_naming_authoritys_field_and_rule() -> None:
    """Design principle 6: every bad input raises an EmrpathError naming the field and the
    rule, including the checks authority borrows from the shared validators."""
    refusals = [
        (
            lambda: Practitioner(
                agency_credentials=[AgencyCredential("A", "B", D(2025, 1, 1)), 5]
            ),  # type: ignore[list-item]
            ep.InputTypeError,
            "Practitioner.agency_credentials[1]",
            "must be an AgencyCredential, got int",
        ),
        (
            lambda: Practitioner(agency_credentials=5),  # type: ignore[arg-type]
            ep.InputTypeError,
            "Practitioner.agency_credentials",
            None,
        ),
        (
            lambda: Practitioner(licenses=[emr_license(), "MT"]),  # type: ignore[list-item]
            ep.InputTypeError,
            "Practitioner.licenses[1]",
            "must be a StateLicense, got str",
        ),
        (
            lambda: practice_authority(
                Practitioner(), "MT", on=D(2026, 1, 1), jurisdictions=["MT"], program=ep.NREMT_EMR
            ),  # type: ignore[list-item]
            ep.InputTypeError,
            "jurisdictions[0]",
            "must be a Jurisdiction, got str",
        ),
        (
            lambda: practice_authority(
                Practitioner(), "MT", on=D(2026, 1, 1), jurisdictions=5, program=ep.NREMT_EMR
            ),  # type: ignore[arg-type]
            ep.InputTypeError,
            "jurisdictions",
            None,
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                "MT",
                on=D(2026, 1, 1),
                jurisdictions={"MT": "MT"},
                program=ep.NREMT_EMR,
            ),  # type: ignore[dict-item]
            ep.InputTypeError,
            "jurisdictions[0]",
            "must be a Jurisdiction, got str",
        ),
        (
            lambda: practice_authority([], "MT", on=D(2026, 1, 1), program=ep.NREMT_EMR),  # type: ignore[arg-type]
            ep.InputTypeError,
            "person",
            "expected a Practitioner, got list",
        ),
        (
            lambda: practice_authority(Practitioner(), "MT", on=D(2026, 1, 1), program="nremt"),  # type: ignore[arg-type]
            ep.InputTypeError,
            "program",
            None,
        ),
        (
            lambda: practice_authority(
                Practitioner(),
                "MT",
                on=D(2026, 1, 1),
                require_agency_credential=1,  # type: ignore[arg-type]
                program=ep.NREMT_EMR,
            ),
            ep.InputTypeError,
            "require_agency_credential",
            "must be True or False, got int",
        ),
        (
            lambda: practice_authority(
                Practitioner(), "M T", on=D(2026, 1, 1), program=ep.NREMT_EMR
            ),
            ep.InvalidRecordError,
            "jurisdiction",
            "'M T' is not a jurisdiction code: upper-case letters and digits, parts joined by "
            "single hyphens ('MT', 'US-MT'); codes are compared exactly",
        ),
        (
            lambda: emr_license().in_force("2025-07-01"),  # type: ignore[arg-type]
            ep.InputTypeError,
            "on",
            "expected a datetime.date, got str '2025-07-01'",
        ),
        (
            lambda: StateLicense(5, "emr", D(2025, 1, 1), D(2026, 1, 1)),  # type: ignore[arg-type]
            ep.InputTypeError,
            "StateLicense.jurisdiction",
            "must be a str jurisdiction code, got int",
        ),
    ]
    for call, kind, field, message in refusals:
        with raises_emrpath(kind, field=field, rule="practice authority") as info:
            call()
        if message is not None:
            assert info.value.message == message
    # a datetime names no day by itself: neither record has a timezone to take its date in
    moment = dt.datetime(2025, 7, 1, 9, 0)
    for record in (emr_license(), AgencyCredential("A", "B", D(2025, 1, 1))):
        with raises_emrpath(ep.InputTypeError, field="on", rule="practice authority") as info:
            record.in_force(moment)
        assert info.value.message.startswith("expected a datetime.date, got a datetime")
    with raises_emrpath(ep.UnknownNameError, field="StateLicense.level", rule="scope of practice"):
        StateLicense("MT", "EMR", D(2025, 1, 1), D(2026, 1, 1))
    with raises_emrpath(ep.UnknownNameError, field="level", rule="scope of practice"):
        practice_authority(
            Practitioner(), "MT", on=D(2026, 1, 1), level="EMR", program=ep.NREMT_EMR
        )


def test_of_credentials_that_expire_the_latest_expiry_serves_and_a_no_has_no_end() -> None:
    """authority.py: of several credentials in force, "One that never expires outlasts
    every other; otherwise the latest expiry"; and ``valid_until`` is "The last day of
    the authority, when allowed ...; ``None`` otherwise", even when some items it would
    rest on have an end."""
    credentials = [
        AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1), D(2026, 8, 1)),
        AgencyCredential("Big Sky EMS", "Dr. Bo", D(2025, 1, 1), D(2027, 1, 31)),
        AgencyCredential("Teton EMS", "Dr. Li", D(2025, 2, 1), D(2026, 12, 31)),
    ]
    person = Practitioner([emr_license()], None, credentials)
    decision = practice_authority(
        person, "MT", on=D(2026, 3, 1), require_agency_credential=True, program=ep.NREMT_EMR
    )
    assert decision.reasons[-1].message == (
        "Credentialed by Big Sky EMS under the medical direction of Dr. Bo, in force from "
        "2025-01-01 through 2027-01-31."
    )
    assert decision.valid_until == D(2027, 1, 31)
    # a licence in force (it has an end) but no credential: not allowed, and no end given
    no_credential = practice_authority(
        Practitioner([emr_license()]),
        "MT",
        on=D(2026, 3, 1),
        require_agency_credential=True,
        require_national_certification=False,
        program=ep.NREMT_EMR,
    )
    assert not no_credential.allowed
    assert no_credential.license == emr_license()
    assert no_credential.valid_until is None


def test_an_unsourced_jurisdiction_is_secondary_whatever_confidence_it_claims() -> None:
    """authority.py: the seed, secondary: "Where required, an EMR needs state licensure or
    authorization before functioning in the role" stands for a jurisdiction "supplied
    without a source": a confidence given without a citation is not the decision's."""
    claimed = Jurisdiction("MT", "Montana", confidence=P)
    decision = practice_authority(
        Practitioner([emr_license()]), claimed, on=D(2026, 3, 1), program=ep.NREMT_EMR
    )
    assert sourced(decision)[1] == ("license_required", WHERE_QUOTE, S)
    assert decision.confidence is S


def test_licences_held_elsewhere_are_each_named() -> None:
    """authority.py: "State EMS Offices issue licenses that authorize an individual to
    practice within that state": licences from other states are named, once each, in order,
    as not authorising practice here."""
    person = Practitioner(
        [
            emr_license("WY"),
            emr_license("ID"),
            StateLicense("WY", "emt", D(2024, 1, 1), D(2026, 12, 31)),
        ]
    )
    decision = practice_authority(person, "MT", on=D(2026, 3, 1), program=ep.NREMT_EMR)
    assert decision.reasons[-1].message == (
        "No MT licence or authorization is on record; licences in ID, WY do not authorise "
        "practice in MT."
    )
