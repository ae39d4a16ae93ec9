/// What a short label says the section after it is: the words sites put above a related-stories list, a
/// comment section, an author box, a newsletter or donation appeal, a share bar, an advertisement or the tags —
/// in the languages lede's readers meet most (English, German, French, Spanish, Italian, Portuguese, Polish,
/// Dutch, Chinese). The label is matched from its start, after leading and trailing punctuation, counts and
/// symbols are cut ("142 Kommentare", "Comments (3)", "➡️ LEIA TAMBÉM:", "【相关阅读】").
enum SectionCue: Equatable {
    /// Other stories: "More on this topic", "Mehr zum Thema", "À lire aussi", "Te puede interesar", "相关阅读".
    case related
    case comments
    /// A bio or self-introduction: "About the author", "Über mich", "O mnie", "关于作者".
    case author
    /// Newsletter, subscription, donation and support pleas.
    case appeal
    case share
    /// Labels that stand alone: "Anzeige", "Publicidad", "Tags", "责任编辑".
    case advertisement, tags, credit

    /// Whether the section is only the label itself (an advertising label, a tag line's head, an editor credit).
    var isLabelOnly: Bool { self == .advertisement || self == .tags || self == .credit }

    var reason: String {
        switch self {
        case .related: return "a related-stories section"
        case .comments: return "a comment section"
        case .author: return "an author box"
        case .appeal: return "a newsletter or donation appeal"
        case .share: return "a share bar"
        case .advertisement: return "an advertising label"
        case .tags: return "a tag line"
        case .credit: return "an editor or source credit"
        }
    }

    static let phrases: [(SectionCue, [String])] = [
        (.related, [
            // English
            "related", "related stories", "related articles", "related topics", "related content", "related posts",
            "more on this story", "more on this topic", "more on this", "more from", "more stories", "more news",
            "more in", "more like this", "read more", "read also", "also read", "see also", "you may also like",
            "you might also like", "you may be interested", "recommended", "recommended for you", "further reading",
            "don't miss", "most read", "most popular", "top stories", "in case you missed it", "up next",
            "editor's picks", "similar threads", "similar topics", "similar articles", "trending now", "what to read next",
            "keep reading", "continue reading",
            // German
            "mehr zum thema", "mehr zu diesem thema", "mehr zu", "mehr aus", "mehr aus dem ressort", "mehr artikel",
            "das könnte sie auch interessieren", "das könnte dich auch interessieren", "könnte sie auch interessieren",
            "auch interessant", "ebenfalls interessant", "lesen sie auch", "lesen sie mehr", "lies auch", "lesetipp",
            "weitere artikel", "weitere meldungen", "weitere nachrichten", "weitere themen", "weiterlesen",
            "ähnliche beiträge", "ähnliche artikel", "ähnliche themen", "verwandte artikel", "verwandte themen",
            "empfehlungen", "unsere empfehlung", "unsere empfehlungen", "meistgelesen", "meistgelesene artikel",
            "meist gelesen", "beliebte artikel", "beliebte beiträge", "passend zum thema", "zum thema", "siehe auch",
            "auch lesenswert", "neueste beiträge", "aktuelle beiträge", "top-artikel",
            // French
            "à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "sur le même sujet", "sur le meme sujet",
            "vous aimerez aussi", "vous aimerez peut-être aussi", "vous aimerez peut-être", "ces articles peuvent vous intéresser",
            "à voir aussi", "a voir aussi", "voir aussi", "articles similaires", "articles liés", "articles associés",
            "dans la même rubrique", "les plus lus", "les plus lues", "à découvrir", "nos recommandations",
            "ces discussions pourraient vous intéresser", "pour aller plus loin", "plus d'articles", "à lire également",
            // Spanish
            "te puede interesar", "le puede interesar", "también te puede interesar", "noticias relacionadas",
            "artículos relacionados", "contenido relacionado", "relacionado", "relacionadas", "relacionados",
            "lee también", "lea también", "leer más", "mira también", "ver también",
            "sigue leyendo", "te recomendamos", "lo más leído", "lo más visto", "más noticias", "quizás te interese",
            "también te puede gustar",
            // Italian
            "leggi anche", "potrebbe interessarti", "potrebbe interessarti anche", "ti potrebbe interessare",
            "articoli correlati", "notizie correlate", "correlati", "più letti", "i più letti", "vedi anche",
            "altre notizie", "leggi altro", "ti consigliamo",
            // Portuguese
            "leia também", "leia mais", "veja também", "veja mais", "artigos relacionados", "notícias relacionadas",
            "você também pode gostar", "mais lidas", "saiba mais", "recomendados para você",
            // Polish
            "czytaj także", "czytaj też", "czytaj również", "czytaj więcej", "zobacz też", "zobacz także",
            "zobacz również", "polecamy", "polecane", "podobne wpisy", "podobne artykuły", "podobne tematy",
            "powiązane", "powiązane artykuły", "więcej na ten temat", "najczęściej czytane", "może cię zainteresować",
            "przeczytaj również", "przeczytaj też", "przeczytaj także",
            // Dutch
            "lees ook", "meer over", "gerelateerd", "ook interessant", "meest gelezen",
            // Chinese
            "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "相关新闻", "相關新聞", "相关推荐", "相關推薦", "推荐阅读",
            "推薦閱讀", "相关文章", "相關文章", "相关链接", "相關連結", "热点新闻", "熱點新聞", "热门文章", "熱門文章",
            "更多新闻", "更多新聞", "猜你喜欢", "猜你喜歡", "热点排行", "热门推荐", "精彩推荐", "你可能也喜欢",
        ]),
        (.comments, [
            "comments", "leave a comment", "leave a reply", "post a comment", "add a comment", "view comments",
            "show comments", "read comments", "have your say", "join the conversation", "join the discussion",
            "responses", "reader comments",
            "kommentare", "kommentar schreiben", "kommentar von", "kommentare lesen", "schreibe einen kommentar",
            "schreiben sie einen kommentar", "diskutieren sie mit", "leserkommentare", "jetzt kommentieren",
            "commentaires", "laisser un commentaire", "ajouter un commentaire", "réagir à cet article", "réagissez",
            "comentarios", "deja un comentario", "dejar un comentario", "escribe tu comentario", "escribe un comentario",
            "commenti", "lascia un commento", "scrivi un commento",
            "comentários", "deixe um comentário", "deixe seu comentário",
            "komentarze", "dodaj komentarz", "skomentuj",
            "reacties", "plaats een reactie",
            "评论", "網友評論", "网友评论", "发表评论", "發表評論", "评论区", "評論", "留言", "我要评论",
        ]),
        (.author, [
            "about the author", "about me", "about your guide", "written by", "about the writer",
            "über den autor", "über die autorin", "über die autoren", "über mich", "zur person", "zum autor", "zur autorin",
            "à propos de l'auteur", "à propos de l’auteur", "à propos de moi", "à propos de l'autrice", "l'auteur", "l’auteur",
            "sobre el autor", "sobre la autora", "sobre mí", "acerca del autor",
            "l'autore", "l’autore", "chi sono", "sull'autore", "sull’autore",
            "sobre o autor", "sobre a autora", "sobre mim",
            "o autorze", "o autorce", "o mnie",
            "over de auteur", "over mij",
            "关于作者", "關於作者", "作者简介", "作者簡介",
        ]),
        (.appeal, [
            "newsletter", "subscribe", "sign up", "sign up for", "get our", "support us", "support our journalism",
            "support independent journalism", "donate", "become a member",
            "newsletter abonnieren", "jetzt unterstützen", "unterstützen sie", "unterstützen sie uns", "jetzt abonnieren",
            "jetzt spenden",
            "abonnez-vous", "inscrivez-vous", "s'inscrire", "s’inscrire", "soutenez", "soutenez-nous", "ne ratez aucun",
            "ne ratez aucune", "lettre d'information", "lettre d’information",
            "suscríbete", "suscribite", "apóyanos", "recibe nuestro boletín",
            "iscriviti", "sostienici", "abbonati",
            "assine", "subscreva", "apoie",
            "wesprzyj", "zapisz się", "podoba ci się",
            "订阅", "訂閱", "打赏", "赞赏",
        ]),
        (.share, [
            "share", "share this", "share this article", "share this story", "share on",
            "teilen", "artikel teilen", "teilen mit", "beitrag teilen",
            "partager", "partager cet article", "partagez",
            "compartir", "compártelo", "compartilhe", "compartilhar", "partilhar",
            "condividi", "udostępnij", "delen",
            "分享", "分享到",
        ]),
        (.advertisement, [
            "anzeige", "werbung", "advertisement", "advertising", "ad", "ads", "sponsored", "gesponsert",
            "publicité", "publicite", "sponsorisé", "publicidad", "patrocinado", "publicidade", "pubblicità",
            "reklama", "advertentie", "广告", "廣告",
        ]),
        (.tags, [
            "tags", "schlagworte", "schlagwörter", "themen", "mots-clés", "archivado en", "etiquetas", "tagi",
            "argomenti", "tópicos", "标签", "標籤", "文章标签",
        ]),
        (.credit, [
            "责任编辑", "責任編輯", "编辑", "編輯", "来源", "來源",
        ]),
    ]

    /// Phrases by their first Unicode scalar, longest first, so a label is compared with few of them.
    private static let byFirstScalar: [Unicode.Scalar: [(phrase: [Unicode.Scalar], cue: SectionCue)]] = {
        var table: [Unicode.Scalar: [(phrase: [Unicode.Scalar], cue: SectionCue)]] = [:]
        for (cue, list) in phrases {
            for phrase in list {
                let scalars = Array(phrase.unicodeScalars)
                table[scalars[0], default: []].append((scalars, cue))
            }
        }
        for key in table.keys { table[key]!.sort { $0.phrase.count > $1.phrase.count } }
        return table
    }()

    /// Phrases by their first byte, for labels that open with an ASCII letter (most do not open with a cue at
    /// all, and are turned down without decoding or lowercasing them).
    private static let byFirstByte: [[(phrase: [UInt8], scalars: Int, cue: SectionCue)]] = {
        var table = [[(phrase: [UInt8], scalars: Int, cue: SectionCue)]](repeating: [], count: 128)
        for (cue, list) in phrases {
            for phrase in list where phrase.utf8.first! < 0x80 {
                table[Int(phrase.utf8.first!)].append((Array(phrase.utf8), phrase.unicodeScalars.count, cue))
            }
        }
        for k in table.indices { table[k].sort { $0.phrase.count > $1.phrase.count } }
        return table
    }()

    /// The cue a label opens with, and how many of the label's scalars (after the cut) the cue covers.
    static func match(_ text: String) -> (cue: SectionCue, length: Int)? {
        var copy = text
        let fast: (cue: SectionCue, length: Int)?? = copy.withUTF8 { utf8 in
            // Leading ASCII that is not a letter (digits, punctuation, spaces) is cut.
            var i = 0
            while i < utf8.count && utf8[i] < 0x80 && (utf8[i] | 0x20) &- 0x61 >= 26 { i += 1 }
            guard i < utf8.count else { return .some(nil) }
            guard utf8[i] < 0x80 else { return nil }       // a non-ASCII start: the scalar path decides
            let candidates = byFirstByte[Int(utf8[i] | 0x20)]
            for (phrase, scalars, cue) in candidates where i + phrase.count <= utf8.count {
                var k = 0
                while k < phrase.count {
                    let b = utf8[i + k]
                    let lower = b < 0x80 && (b | 0x20) &- 0x61 < 26 ? b | 0x20 : b
                    if lower != phrase[k] { break }
                    k += 1
                }
                if k < phrase.count {
                    // An upper-case non-ASCII letter ("ÄHNLICHE") differs in its bytes, and the scalar path folds runs
                    // of white space into one: at either, the scalar path decides.
                    let b = utf8[i + k]
                    if b >= 0x80 || phrase[k] >= 0x80 || b == 0x20 || (0x09...0x0D).contains(b) || phrase[k] == 0x20 { return nil }
                    continue
                }
                let end = i + phrase.count
                if end == utf8.count || (utf8[end] < 0x80 && (utf8[end] | 0x20) &- 0x61 >= 26) { return .some((cue, scalars)) }
                if utf8[end] >= 0x80 { return nil }
            }
            return .some(nil)
        }
        if let fast { return fast }
        return matchScalars(text)
    }

    static func matchScalars(_ text: String) -> (cue: SectionCue, length: Int)? {
        let scalars = trimmedLowercase(text)
        guard let first = scalars.first, let candidates = byFirstScalar[first] else { return nil }
        for (phrase, cue) in candidates where phrase.count <= scalars.count {
            guard scalars[0..<phrase.count].elementsEqual(phrase) else { continue }
            // A whole word (or phrase) only: "ad" must not open "Adidas"; ideographs need no space after them.
            if phrase.count == scalars.count || !isLetter(scalars[phrase.count]) || isIdeograph(phrase[phrase.count - 1]) {
                return (cue, phrase.count)
            }
        }
        return nil
    }

    /// The label lower-cased, with what is not a letter cut from both ends and runs of spaces made one.
    static func trimmedLowercase(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(min(text.unicodeScalars.count, 120))
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if out.count >= 120 { break }
            if scalar.properties.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if out.isEmpty && !isLetter(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        while let last = out.last, !isLetter(last) { out.removeLast() }
        return out
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) }
}
