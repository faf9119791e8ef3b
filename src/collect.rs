//! Counting collectors over fast-field columns: entity facet counts and
//! per-day counts (year facet, timeline) in one pass over the matching
//! documents.
//!
//! tantivy's `FacetCollector` walks every facet ordinal of a segment at
//! harvest time, which for entity names (tens of thousands per segment)
//! cost hundreds of milliseconds per query; counting the ordinals of the
//! matching documents only costs time proportional to the matches. Owns
//! collection only; field names come from `schema.rs`.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts the values of a multi-valued string fast field over matches.
pub struct StrCounts {
    field: String,
}

impl StrCounts {
    /// Counts values of `field` (a `FAST` raw string field).
    pub fn for_field(field: &str) -> StrCounts {
        StrCounts {
            field: field.to_string(),
        }
    }
}

/// Per-segment state of [`StrCounts`]: a dense count per term ordinal.
pub struct StrSegmentCounts {
    column: Option<StrColumn>,
    counts: Vec<u32>,
}

impl Collector for StrCounts {
    type Fruit = HashMap<String, u64>;
    type Child = StrSegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<StrSegmentCounts> {
        let column = segment.fast_fields().str(&self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(StrSegmentCounts {
            column,
            counts: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<String, u64>>) -> tantivy::Result<HashMap<String, u64>> {
        let mut merged: HashMap<String, u64> = HashMap::new();
        for fruit in fruits {
            for (k, v) in fruit {
                *merged.entry(k).or_default() += v;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for StrSegmentCounts {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let mut out = HashMap::new();
        let Some(column) = &self.column else { return out };
        // Ordinals in ascending order resolve in one sequential pass over
        // the term dictionary.
        let ords: Vec<u64> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(o, _)| o as u64)
            .collect();
        let mut counts = ords.iter().map(|&o| u64::from(self.counts[o as usize]));
        let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            if let Some(n) = counts.next() {
                out.insert(String::from_utf8_lossy(bytes).into_owned(), n);
            }
        });
        out
    }
}

/// Counts matches per calendar day of a date fast field, plus undated ones.
pub struct DayCounts {
    field: String,
}

impl DayCounts {
    /// Counts days of `field` (a `FAST` date field holding midnight UTC).
    pub fn for_field(field: &str) -> DayCounts {
        DayCounts {
            field: field.to_string(),
        }
    }
}

/// What [`DayCounts`] produces: days since the Unix epoch → matches, and
/// the number of matches without a date.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Days {
    /// Matches per day (days since 1970-01-01).
    pub by_day: BTreeMap<i64, u64>,
    /// Matches with no date.
    pub undated: u64,
}

/// Per-segment state of [`DayCounts`].
pub struct DaySegmentCounts {
    column: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    days: Days,
}

impl Collector for DayCounts {
    type Fruit = Days;
    type Child = DaySegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<DaySegmentCounts> {
        Ok(DaySegmentCounts {
            column: segment.fast_fields().date(&self.field).ok(),
            days: Days::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Days>) -> tantivy::Result<Days> {
        let mut merged = Days::default();
        for f in fruits {
            merged.undated += f.undated;
            for (d, n) in f.by_day {
                *merged.by_day.entry(d).or_default() += n;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for DaySegmentCounts {
    type Fruit = Days;

    fn collect(&mut self, doc: DocId, _: Score) {
        match self.column.as_ref().and_then(|c| c.first(doc)) {
            Some(d) => {
                *self
                    .days
                    .by_day
                    .entry(d.into_timestamp_secs().div_euclid(86_400))
                    .or_default() += 1
            }
            None => self.days.undated += 1,
        }
    }

    fn harvest(self) -> Days {
        self.days
    }
}
