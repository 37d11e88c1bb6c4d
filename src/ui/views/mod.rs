//! The window's views, one file each, and [`Views`], which holds one of each for the app to
//! show by [`Section`]. Views do not reach into each other; they talk to the app through
//! [`Action`](crate::ui::Action)s.

pub mod activity;
pub mod analytics;
pub mod calendar;
pub mod drafts;
pub mod reach;
pub mod settings;
mod subculture_form;
pub mod subcultures;
pub mod trends;

use super::section::Section;
use super::view::View;

/// One view per navigation entry, each keeping its state while another one is shown.
pub struct Views {
    views: Vec<Box<dyn View>>,
}

impl Default for Views {
    fn default() -> Self {
        let views = Section::ALL.iter().map(|s| make(*s)).collect();
        Self { views }
    }
}

impl Views {
    /// The view of `section`.
    pub fn get(&self, section: Section) -> &dyn View {
        self.views[section.index()].as_ref()
    }

    /// The view of `section`, to draw or tell.
    pub fn get_mut(&mut self, section: Section) -> &mut dyn View {
        self.views[section.index()].as_mut()
    }
}

fn make(section: Section) -> Box<dyn View> {
    match section {
        Section::Drafts => Box::new(drafts::DraftsView::default()),
        Section::Calendar => Box::new(calendar::CalendarView::default()),
        Section::Reach => Box::new(reach::ReachView::default()),
        Section::Trends => Box::new(trends::TrendsView::default()),
        Section::Subcultures => Box::new(subcultures::SubculturesView::default()),
        Section::Analytics => Box::new(analytics::AnalyticsView::default()),
        Section::Settings => Box::new(settings::SettingsView::default()),
        Section::Activity => Box::new(activity::ActivityView::default()),
    }
}
