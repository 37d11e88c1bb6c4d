//! Every number form seen in real files, and the ones that must be refused.

use proptest::prelude::*;

use super::*;

#[test]
fn abbreviated_counts_are_rounded_to_whole_numbers() {
    assert_eq!(parse_count("304.9K"), Ok(304_900));
    assert_eq!(parse_count("1.4M"), Ok(1_400_000));
    assert_eq!(parse_count("2B"), Ok(2_000_000_000));
    assert_eq!(parse_count("23K"), Ok(23_000));
    assert_eq!(parse_count("12k"), Ok(12_000));
    assert_eq!(parse_count("1.4 M"), Ok(1_400_000));
    assert_eq!(
        parse_count("1.2345K"),
        Ok(1_235),
        "half rounds away from zero"
    );
    assert_eq!(
        parse_count("1.234K"),
        Ok(1_234),
        "a suffix makes the dot a decimal mark"
    );
    assert_eq!(parse_count("1,5K"), Ok(1_500), "decimal comma");
}

#[test]
fn grouped_counts_read_in_every_common_style() {
    assert_eq!(parse_count("1,234"), Ok(1_234));
    assert_eq!(parse_count("1,234,567"), Ok(1_234_567));
    assert_eq!(parse_count("1.234.567"), Ok(1_234_567));
    assert_eq!(parse_count("12 345"), Ok(12_345));
    assert_eq!(parse_count("12\u{a0}345"), Ok(12_345), "no-break space");
    assert_eq!(parse_count("1'234"), Ok(1_234));
    assert_eq!(parse_count("  7269 "), Ok(7_269));
    assert_eq!(parse_count("1.2e6"), Ok(1_200_000));
}

#[test]
fn a_lone_dot_before_three_digits_is_refused_as_ambiguous() {
    assert_eq!(
        parse_count("1.234"),
        Err(NumberError::Ambiguous("1.234".into()))
    );
    assert!(matches!(
        parse_decimal("1,234"),
        Err(NumberError::Ambiguous(_))
    ));
    assert_eq!(parse_decimal("1.234"), Ok(1.234));
    assert!(matches!(
        parse_count("0.234"),
        Err(NumberError::NotWhole(_))
    ));
    assert!(matches!(parse_count("12.5"), Err(NumberError::NotWhole(_))));
}

#[test]
fn negative_counts_are_kept() {
    assert_eq!(parse_count("-3"), Ok(-3));
    assert_eq!(parse_count("−12"), Ok(-12), "minus sign");
    assert_eq!(parse_count("-1.2K"), Ok(-1_200));
    assert_eq!(parse_count("+5"), Ok(5));
}

#[test]
fn a_button_label_stands_for_zero() {
    for label in ["Share", "Like", "Comment", "Save", "share", "SHARES"] {
        assert_eq!(parse_count(label), Ok(0), "{label}");
    }
    assert!(
        parse_count("View").is_err(),
        "only labels seen in place of zero"
    );
}

#[test]
fn use_counts_carry_a_unit_word() {
    assert_eq!(parse_count("3669 videos"), Ok(3_669));
    assert_eq!(parse_count("21.1K videos"), Ok(21_100));
    assert_eq!(parse_count("1 videos"), Ok(1));
    assert_eq!(parse_count("12K Posts"), Ok(12_000));
    assert!(parse_count("12 apples").is_err());
}

#[test]
fn garbage_is_refused_with_the_text_quoted() {
    for text in [
        "abc",
        "1.2.3.4.",
        "1,23,4",
        "--5",
        "K",
        "1,234.567.8",
        "12e",
        "0x10",
    ] {
        assert!(parse_count(text).is_err(), "{text}");
    }
    assert_eq!(parse_count(""), Err(NumberError::Empty));
    assert_eq!(
        parse_count("99999999999999999999"),
        Err(NumberError::TooLarge("99999999999999999999".into()))
    );
    let long = "9".repeat(500);
    let message = parse_count(&long).map_err(|e| e.to_string()).unwrap_err();
    assert!(message.len() < 80, "messages quote a short form: {message}");
}

#[test]
fn missing_values_are_recognised() {
    for text in ["", "  ", "undefined", "N/A", "null", "-", "—"] {
        assert!(is_missing(text), "{text:?}");
        assert_eq!(optional(text, parse_count), Ok(None));
    }
    assert_eq!(optional("5", parse_count), Ok(Some(5)));
    assert!(!is_missing("0"));
}

#[test]
fn ids_in_float_notation_say_their_precision_is_lost() {
    let id = parse_id("7.471985734489755e+18").unwrap();
    assert_eq!(id.id, "7471985734489755000");
    assert!(id.precision_lost);
    let exact = parse_id("7474564827701087504").unwrap();
    assert_eq!(
        exact,
        ParsedId {
            id: "7474564827701087504".into(),
            precision_lost: false
        }
    );
    let small = parse_id("1.5e3").unwrap();
    assert_eq!(
        small,
        ParsedId {
            id: "1500".into(),
            precision_lost: false
        }
    );
    assert_eq!(
        parse_id("7474564827701087504.0").unwrap().id,
        "7474564827701087504"
    );
    assert!(parse_id("-5").is_err());
    assert!(parse_id("1.5").is_err());
    assert!(parse_id("abc").is_err());
}

#[test]
fn shares_read_as_fractions_or_percents() {
    assert_eq!(parse_share("0.59"), Ok(0.59));
    assert_eq!(parse_share("59%"), Ok(0.59));
    assert_eq!(parse_share("59 %"), Ok(0.59));
    assert_eq!(parse_share("0,59"), Ok(0.59));
    assert_eq!(parse_share("100%"), Ok(1.0));
    for text in ["59", "140%", "-0.1", "abc", "%"] {
        assert!(
            matches!(parse_share(text), Err(NumberError::NotAShare(_))),
            "{text}"
        );
    }
}

#[test]
fn decimals_take_either_decimal_mark() {
    assert_eq!(parse_decimal("31.5"), Ok(31.5));
    assert_eq!(parse_decimal("1,234.5"), Ok(1234.5));
    assert_eq!(parse_decimal("1.234,5"), Ok(1234.5));
    assert_eq!(parse_decimal("-0,5"), Ok(-0.5));
    assert_eq!(parse_decimal(".5"), Ok(0.5));
    assert!(parse_decimal("1e999").is_err());
}

#[test]
fn durations_read_in_clock_and_unit_forms() {
    assert_eq!(parse_duration_s("00:31"), Ok(31.0));
    assert_eq!(parse_duration_s("01:05"), Ok(65.0));
    assert_eq!(parse_duration_s("1:02:03"), Ok(3723.0));
    assert_eq!(parse_duration_s("31"), Ok(31.0));
    assert_eq!(parse_duration_s("31s"), Ok(31.0));
    assert_eq!(parse_duration_s("31 sec"), Ok(31.0));
    assert_eq!(parse_duration_s("31.5"), Ok(31.5));
    assert_eq!(parse_duration_s("00:31.5"), Ok(31.5));
    assert_eq!(parse_duration_s("1m 5s"), Ok(65.0));
    assert_eq!(parse_duration_s("2 min"), Ok(120.0));
    assert_eq!(parse_duration_s("PT1M5S"), Ok(65.0));
    for text in [
        "00:75", "1:2:3:4", "-5", "5 apples", "1m 30", ":", "a:b", "00:-5",
    ] {
        assert!(
            matches!(parse_duration_s(text), Err(NumberError::NotADuration(_))),
            "{text}"
        );
    }
    assert_eq!(parse_duration_s(" "), Err(NumberError::Empty));
}

proptest! {
    /// The quick reading of counts like `11.3K` gives what the general one gives.
    #[test]
    fn an_abbreviated_count_reads_the_same_quickly(
        text in "[0-9]{0,13}([.,][0-9]{0,3})?[kKmMbBx]?",
    ) {
        if let Some(quick) = plain_abbreviated(&text) {
            prop_assert_eq!(written_count(&text, &text), Ok(quick));
        }
    }
}

#[test]
fn the_quick_reading_of_abbreviated_counts_takes_only_its_own_shapes() {
    assert_eq!(plain_abbreviated("11.3K"), Some(11_300));
    assert_eq!(plain_abbreviated("0.25M"), Some(250_000));
    assert_eq!(
        plain_abbreviated("9999999.99B"),
        Some(9_999_999_990_000_000)
    );
    for other in [
        "999999999999B",
        "1.K",
        ".5K",
        "1.234K",
        "1,5K",
        "K",
        "-1K",
        "1 K",
        "1.5",
        "1e3K",
        "1.5KK",
    ] {
        assert_eq!(plain_abbreviated(other), None, "{other}");
    }
    for (text, count) in [
        ("1.25B", 1_250_000_000),
        ("011.3k", 11_300),
        ("7m", 7_000_000),
    ] {
        assert_eq!(plain_abbreviated(text), Some(count), "{text}");
        assert_eq!(written_count(text, text), Ok(count), "{text}");
    }
}

proptest! {
    #[test]
    fn no_text_makes_the_number_parser_panic(text in any::<String>()) {
        let _ = parse_count(&text);
        let _ = parse_decimal(&text);
        let _ = parse_id(&text);
        let _ = parse_share(&text);
        let _ = parse_duration_s(&text);
    }

    #[test]
    fn number_shaped_text_never_panics(text in "[-+−]?[0-9 ,.'eE%:+-]{0,30}[kKmMbBs%]?( videos)?") {
        let _ = parse_count(&text);
        let _ = parse_decimal(&text);
        let _ = parse_id(&text);
        let _ = parse_share(&text);
        let _ = parse_duration_s(&text);
    }

    #[test]
    fn written_counts_read_back(n in (i64::MIN + 1)..=i64::MAX) {
        prop_assert_eq!(parse_count(&n.to_string()), Ok(n));
    }
}
