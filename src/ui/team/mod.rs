//! The window's team pieces that more than one screen uses: the form that reaches a team's
//! server to share or join ([`connect`]), the members table and the add-a-member form
//! ([`members`]), and the calls to the server off the UI thread ([`work`]). Settings → Team
//! puts them together; the welcome screen offers joining.

pub mod connect;
pub mod join_card;
pub mod members;
pub mod work;
