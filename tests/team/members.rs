//! Managing members: owners add and remove, a role change takes effect at once, a removed
//! member can no longer push, anyone may leave but the last owner.

use scrollstop::workspace::team::{PushOutcome, Role, TeamError};

use crate::{Team, captions, password_of, refusal};

#[test]
fn an_added_member_is_listed_with_role_and_accounts_and_a_role_change_applies_at_once() {
    let team = Team::new("members_list");
    let mut lead = team.lead();
    let login = team.login("bo");
    let accounts = vec!["acct-a".to_string(), "acct-b".to_string()];
    let added = lead
        .add_member(
            &login,
            Role::Viewer,
            Some(&accounts),
            Some(&password_of(&login)),
        )
        .expect("add");
    assert!(added.created_login && added.password_set);
    let members = lead.members().expect("members");
    let bo = members.iter().find(|m| m.login == login).expect("listed");
    assert_eq!(
        (bo.role, bo.accounts.as_ref()),
        (Role::Viewer, Some(&accounts))
    );
    let mut bo_session = team.server.connect(&login, &password_of(&login), &team.db);
    assert_eq!(
        bo_session.me().expect("me").map(|m| m.role),
        Some(Role::Viewer)
    );
    assert!(refusal(&bo_session.push(&captions(1, 1)).expect("answered")[0]).contains("viewers"));
    // Promoted: the same session may now push; the login existed, so its password stays.
    let again = lead
        .add_member(&login, Role::Editor, None, Some("another password"))
        .expect("change");
    assert!(!again.created_login && !again.password_set);
    assert_eq!(
        bo_session.push(&captions(1, 1)).expect("answered")[0],
        PushOutcome::Accepted { seq: 1 }
    );
    assert!(
        team.server
            .try_connect(&login, "another password", &team.db)
            .is_err()
    );
}

#[test]
fn a_removed_member_can_no_longer_push_or_pull() {
    let team = Team::new("members_removed");
    let mut ed = team.member("ed", Role::Editor, None);
    ed.push(&captions(1, 1)).expect("push while a member");
    assert!(
        team.lead()
            .remove_member(&team.login("ed"))
            .expect("remove")
    );
    assert!(
        !team
            .lead()
            .remove_member(&team.login("ed"))
            .expect("not a member any more")
    );
    let e = ed.push(&captions(2, 1)).expect_err("removed");
    assert!(matches!(e, TeamError::NotAMember { .. }), "{e}");
    let e = ed.pull(0, 10).expect_err("removed");
    assert!(matches!(e, TeamError::NotAMember { .. }), "{e}");
    // A fresh session is no better.
    let login = team.login("ed");
    let mut again = team.server.connect(&login, &password_of(&login), &team.db);
    assert!(matches!(
        again.push(&captions(3, 1)),
        Err(TeamError::NotAMember { .. })
    ));
    assert_eq!(team.stored(), 1);
    let logins: Vec<String> = team
        .lead()
        .members()
        .expect("members")
        .into_iter()
        .map(|m| m.login)
        .collect();
    assert_eq!(logins, vec![team.lead_login()]);
}

#[test]
fn only_owners_manage_members_and_the_last_owner_cannot_leave() {
    let team = Team::new("members_owners");
    let mut ed = team.member("ed", Role::Editor, None);
    let e = ed
        .add_member(&team.login("friend"), Role::Owner, None, None)
        .expect_err("an editor adds no one");
    assert!(matches!(e, TeamError::Refused { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("only the team's owners manage members"),
        "{e}"
    );
    assert!(matches!(
        ed.remove_member(&team.lead_login()),
        Err(TeamError::Refused { .. })
    ));
    let mut lead = team.lead();
    let e = lead.leave().expect_err("the last owner stays");
    assert!(e.to_string().contains("at least one owner"), "{e}");
    let e = lead
        .add_member(&team.lead_login(), Role::Editor, None, None)
        .expect_err("the last owner cannot step down");
    assert!(e.to_string().contains("at least one owner"), "{e}");
    let e = lead
        .add_member(&format!("{}_viewer", team.db), Role::Editor, None, None)
        .expect_err("a group role is not a login");
    assert!(e.to_string().contains("group role"), "{e}");
    // With a second owner, the first may leave; an editor may leave any time.
    lead.add_member(&team.login("co"), Role::Owner, None, None)
        .expect("a second owner");
    assert!(lead.leave().expect("leave"));
    assert!(ed.leave().expect("leave"));
    let members = team.server.admin(&team.db).members().expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].login, team.login("co"));
    assert!(matches!(
        ed.push(&captions(1, 1)),
        Err(TeamError::NotAMember { .. })
    ));
}
