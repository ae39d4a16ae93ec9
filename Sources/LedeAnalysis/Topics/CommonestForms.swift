import LedeText

/// The word form each topic key (a stem) is most often written in, so topics read "company people", not
/// "compani peopl". Ties go to the shorter form, then the alphabetically first.
public enum CommonestForms {
    public static func of(keys wanted: Set<UInt32>, in texts: [TokenizedText], keys: TopicFeatures) -> [UInt32: String] {
        var counts: [UInt32: Int] = [:]
        for text in texts {
            for id in text.ids {
                let k = keys.key(ofToken: id)
                if k != TopicFeatures.none && wanted.contains(k) { counts[id, default: 0] += 1 }
            }
        }
        var best: [UInt32: (form: String, count: Int)] = [:]
        for (id, count) in counts {
            let key = keys.key(ofToken: id)
            let form = keys.vocabulary.form(id)
            if let b = best[key], b.count > count || (b.count == count && (b.form.count < form.count || (b.form.count == form.count && b.form < form))) {
                continue
            }
            best[key] = (form, count)
        }
        return best.mapValues(\.form)
    }
}
