use super::*;

fn member(id: &str, name: &str, sort_as: &str, state: &str, district: Option<u32>) -> Signer {
    let mut s = Signer::house(id, name, sort_as);
    s.state = Some(state.into());
    s.district = district;
    if district.is_none() {
        s.chamber = Chamber::Senate;
    }
    s
}

fn roster() -> Roster {
    let mut r = Roster::default();
    r.push(member("sherman", "Brad Sherman", "Sherman", "CA", Some(32)));
    let mut garcia = member(
        "garcia-il",
        "Jesús G. \"Chuy\" García",
        "García",
        "IL",
        Some(4),
    );
    garcia.bioguide = Some("G000586".into());
    r.push(garcia);
    let mut tx = member("garcia-tx", "Sylvia R. Garcia", "Garcia", "TX", Some(29));
    tx.email = Some("Scheduler@mail.house.gov".into());
    r.push(tx);
    r.push(member(
        "pallone",
        "Frank Pallone, Jr.",
        "Pallone",
        "NJ",
        Some(6),
    ));
    r.push(member("padilla", "Alex Padilla", "Padilla", "CA", None));
    r.push(member(
        "watson-coleman",
        "Bonnie Watson Coleman",
        "Watson Coleman",
        "NJ",
        Some(12),
    ));
    r
}

fn name(text: &str) -> String {
    match by_name(&roster(), text) {
        Resolution::One(s) => s.id.0.clone(),
        other => format!("{other:?}"),
    }
}

fn ids(list: &[&Signer]) -> Vec<String> {
    list.iter().map(|s| s.id.0.clone()).collect()
}

#[test]
fn names_as_offices_write_them() {
    assert_eq!(name("Rep. Brad Sherman"), "sherman");
    assert_eq!(name("Sherman (CA-32)"), "sherman");
    assert_eq!(name("Representative Sherman (D-CA-32)"), "sherman");
    assert_eq!(name("Sherman, Brad"), "sherman");
    assert_eq!(name("Pallone, Frank, Jr."), "pallone");
    assert_eq!(name("Frank Pallone"), "pallone");
    assert_eq!(name("Chuy Garcia"), "garcia-il");
    assert_eq!(name("Jesus Garcia"), "garcia-il");
    assert_eq!(name("Sen. Padilla"), "padilla");
    assert_eq!(name("Congresswoman Watson Coleman"), "watson-coleman");
    assert_eq!(name("The Honorable Brad Sherman"), "sherman");
    assert_eq!(name("Rep. Sherman's office"), "sherman");
}

#[test]
fn a_shared_surname_needs_a_place() {
    let r = roster();
    let Resolution::Ambiguous(hits) = by_name(&r, "Rep. García") else {
        panic!("two Garcias fit")
    };
    assert_eq!(ids(&hits), ["garcia-il", "garcia-tx"]);
    assert_eq!(name("García (TX-29)"), "garcia-tx");
    assert_eq!(name("Garcia (D-IL-4)"), "garcia-il");
}

#[test]
fn a_place_that_contradicts_the_name_is_unknown_with_the_name_suggested() {
    let r = roster();
    let Resolution::Unknown(hits) = by_name(&r, "Brad Sherman (NY-3)") else {
        panic!("nobody fits")
    };
    assert_eq!(ids(&hits), ["sherman"]);
}

#[test]
fn columns_agree_or_conflict() {
    let r = roster();
    let bio = Reference {
        bioguide: Some("g000586"),
        name: Some("García"),
        ..Reference::default()
    };
    assert!(matches!(resolve(&r, &bio), Resolution::One(s) if s.id.0 == "garcia-il"));
    let email = Reference {
        email: Some("scheduler@mail.house.gov"),
        ..Reference::default()
    };
    assert!(matches!(resolve(&r, &email), Resolution::One(s) if s.id.0 == "garcia-tx"));
    let both = Reference {
        id: Some("sherman"),
        name: Some("Alex Padilla"),
        ..Reference::default()
    };
    assert!(matches!(resolve(&r, &both), Resolution::Conflict(..)));
    let unknown_id = Reference {
        id: Some("7"),
        name: Some("Brad Sherman"),
        ..Reference::default()
    };
    let got = resolve(&r, &unknown_id);
    assert!(matches!(got, Resolution::Disagree(s, "id") if s.id.0 == "sherman"));
    let stranger = Reference {
        name: Some("Nobody Known"),
        ..Reference::default()
    };
    assert!(matches!(resolve(&r, &stranger), Resolution::Unknown(h) if h.is_empty()));
}
