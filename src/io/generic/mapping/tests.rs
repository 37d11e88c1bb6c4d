//! Suggestions on the header styles seen in the wild, and overrides.

use super::*;

const DEV_SET_HEADER: &[&str] = &[
    "user_name",
    "user_nfollower",
    "vid_id",
    "vid_caption",
    "vid_postTime",
    "vid_scrapeTime",
    "vid_duration",
    "vid_nview",
    "vid_nlike",
    "vid_ncomment",
    "vid_nshare",
    "vid_nsave",
    "vid_hashtags",
    "vid_url",
    "music_id",
    "music_title",
    "music_nused",
    "music_authorName",
    "music_originality",
];

fn mapped(mapping: &Mapping) -> Vec<(Field, &str)> {
    Field::ALL
        .into_iter()
        .filter_map(|f| mapping.column_name(f).map(|c| (f, c)))
        .collect()
}

#[test]
fn the_dev_sets_scraper_header_maps_every_field() {
    let mapping = Mapping::suggest(DEV_SET_HEADER);
    assert_eq!(
        mapped(&mapping),
        vec![
            (Field::PostTime, "vid_postTime"),
            (Field::Caption, "vid_caption"),
            (Field::Hashtags, "vid_hashtags"),
            (Field::Duration, "vid_duration"),
            (Field::Sound, "music_title"),
            (Field::Views, "vid_nview"),
            (Field::Likes, "vid_nlike"),
            (Field::Comments, "vid_ncomment"),
            (Field::Shares, "vid_nshare"),
            (Field::Saves, "vid_nsave"),
            (Field::Followers, "user_nfollower"),
            (Field::Account, "user_name"),
            (Field::MeasuredAt, "vid_scrapeTime"),
            (Field::VideoId, "vid_id"),
            (Field::Link, "vid_url"),
        ]
    );
    assert_eq!(
        mapping.ignored_columns(),
        vec![
            "music_id",
            "music_nused",
            "music_authorName",
            "music_originality"
        ]
    );
    assert!(mapping.check().is_ok());
}

#[test]
fn a_studio_like_sheet_maps_by_its_english_headers() {
    let header = [
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
        "Add to favorites",
        "Average watch time",
    ];
    let mapping = Mapping::suggest(&header);
    assert_eq!(
        mapped(&mapping),
        vec![
            (Field::PostTime, "Post time"),
            (Field::Caption, "Video title"),
            (Field::Views, "Total views"),
            (Field::Likes, "Total likes"),
            (Field::Comments, "Total comments"),
            (Field::Shares, "Total shares"),
            (Field::Saves, "Add to favorites"),
            (Field::Link, "Video link"),
        ]
    );
}

#[test]
fn a_scrapers_camel_case_header_maps_too() {
    let header = [
        "id",
        "text",
        "createTime",
        "authorMeta.name",
        "authorMeta.fans",
        "webVideoUrl",
        "videoMeta.duration",
        "musicMeta.musicName",
        "diggCount",
        "shareCount",
        "playCount",
        "commentCount",
        "collectCount",
    ];
    let mapping = Mapping::suggest(&header);
    assert_eq!(
        mapped(&mapping),
        vec![
            (Field::PostTime, "createTime"),
            (Field::Caption, "text"),
            (Field::Duration, "videoMeta.duration"),
            (Field::Sound, "musicMeta.musicName"),
            (Field::Views, "playCount"),
            (Field::Likes, "diggCount"),
            (Field::Comments, "commentCount"),
            (Field::Shares, "shareCount"),
            (Field::Saves, "collectCount"),
            (Field::Followers, "authorMeta.fans"),
            (Field::Account, "authorMeta.name"),
            (Field::VideoId, "id"),
            (Field::Link, "webVideoUrl"),
        ]
    );
}

#[test]
fn a_hand_made_sheet_with_plays_and_date() {
    let mapping = Mapping::suggest(&["Date", "Caption", "Plays", "Likes", "Length"]);
    assert_eq!(mapping.column_name(Field::PostTime), Some("Date"));
    assert_eq!(mapping.column_name(Field::Views), Some("Plays"));
    assert_eq!(mapping.column_name(Field::Duration), Some("Length"));
    assert_eq!(mapping.column(Field::Views), Some(2));
}

#[test]
fn a_column_is_suggested_for_one_field_only() {
    // "Views" and "Total views" both look like views: the better alias wins, the other stays free.
    let mapping = Mapping::suggest(&["Total views", "Views", "Link"]);
    assert_eq!(mapping.column_name(Field::Views), Some("Views"));
    assert_eq!(mapping.ignored_columns(), vec!["Total views"]);
}

#[test]
fn map_arguments_read_field_and_column() {
    assert_eq!(
        parse_map_arg("views=Total views"),
        Ok((Field::Views, "Total views".into()))
    );
    assert_eq!(
        parse_map_arg("post-time=Posted"),
        Ok((Field::PostTime, "Posted".into()))
    );
    assert_eq!(
        parse_map_arg("Measured at=as of"),
        Ok((Field::MeasuredAt, "as of".into()))
    );
    assert_eq!(parse_map_arg("sound=-"), Ok((Field::Sound, String::new())));
    assert_eq!(
        parse_map_arg("sound= - "),
        Ok((Field::Sound, String::new()))
    );
    assert_eq!(
        parse_map_arg("a=b=c"),
        Err(MappingError::UnknownField("a".into()))
    );
    assert!(matches!(
        parse_map_arg("views"),
        Err(MappingError::NotAnAssignment(_))
    ));
    let unknown = parse_map_arg("plays=Plays").unwrap_err().to_string();
    assert!(
        unknown.contains("post_time, caption"),
        "lists the fields: {unknown}"
    );
}

#[test]
fn a_map_argument_naming_no_column_is_an_error() {
    for arg in ["views=", "views=  ", "post-time="] {
        let err = parse_map_arg(arg).expect_err(arg);
        assert!(matches!(err, MappingError::NoColumn(_)), "{arg}: {err:?}");
    }
    let message = parse_map_arg("views=").unwrap_err().to_string();
    assert!(
        message.starts_with("--map views= names no column:"),
        "{message}"
    );
    assert!(message.contains("--map views=-"), "{message}");
}

#[test]
fn overrides_replace_or_drop_suggestions() {
    let mut mapping = Mapping::suggest(&["Views", "Plays (7d)", "Sound", "Posted on"]);
    mapping
        .apply(&[
            (Field::Views, "plays (7D)".into()),
            (Field::Sound, String::new()),
        ])
        .unwrap();
    assert_eq!(mapping.column_name(Field::Views), Some("Plays (7d)"));
    assert_eq!(mapping.column_name(Field::Sound), None);
    assert!(mapping.describe().contains("Views ← Plays (7d)"));
    let missing = mapping.set(Field::Likes, "Hearts").unwrap_err().to_string();
    assert!(
        missing.contains("no column \"Hearts\" for likes"),
        "{missing}"
    );
    assert!(
        missing.contains("\"Posted on\""),
        "names the columns: {missing}"
    );
}

#[test]
fn a_mapping_without_id_link_or_post_time_is_refused() {
    let mapping = Mapping::suggest(&["Caption", "Views"]);
    assert_eq!(mapping.check(), Err(MappingError::NoVideoColumn));
}
