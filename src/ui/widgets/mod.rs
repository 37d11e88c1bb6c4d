//! Small reusable pieces of the window that more than one screen shares: labelled form rows,
//! the time-zone picker and the account form (welcome screen and Settings), and the tables,
//! charts, chips and formatting the data views use. Widgets draw, validate and format; they
//! never touch the workspace.

pub mod account_form;
pub mod busy;
pub mod charts;
pub mod draft_picker;
pub mod draft_rows;
pub mod draft_table;
pub mod empty_state;
pub mod form;
pub mod format;
pub mod heat_map;
pub mod lifecycle;
pub mod mix_form;
pub mod permitted;
pub mod planned;
pub mod row_selection;
pub mod sparkline;
pub mod status_chip;
pub mod time_zone;
pub mod video_table;
pub mod zone_time;
