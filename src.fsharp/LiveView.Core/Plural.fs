namespace LiveView

open System
open System.Globalization

/// The plural form a count takes in a language, as CLDR names them; only the two forms of the languages `Plural`
/// knows (English, Spanish and most European languages: `One` for 1, French and Portuguese: for 0 and 1).
[<RequireQualifiedAccess>]
type PluralForm =
    /// "1 post".
    | One
    /// "0 posts", "2 posts".
    | Other

/// Plurals through resource files: one key per plural form (`Home.Results.One`, `Home.Results.Other`), the form chosen
/// by the language's rule for the count. See docs/i18n.md.
[<RequireQualifiedAccess>]
module Plural =

    // Languages whose `One` covers 0 and 1 (CLDR: i = 0,1), and languages without plural forms (CLDR: other only).
    let private zeroIsOne = set [ "fr"; "pt" ]
    let private noPlural = set [ "ja"; "zh"; "ko"; "vi"; "th"; "id"; "ms" ]

    /// The plural form of `count` in `culture`'s language: `Other` always for languages without plurals (Japanese,
    /// Chinese...), `One` for 0 and 1 in French and Brazilian Portuguese (`pt-PT` as English), `One` for 1 and -1
    /// elsewhere (English, Spanish, German...). The invariant culture counts as English.
    [<CompiledName("FormOf")>]
    let formOf (culture: CultureInfo) (count: int64) : PluralForm =
        let language = culture.TwoLetterISOLanguageName

        let size =
            if count = Int64.MinValue then
                UInt64.MaxValue
            else
                uint64 (abs count)

        if noPlural.Contains language then
            PluralForm.Other
        elif zeroIsOne.Contains language && culture.Name <> "pt-PT" then
            if size <= 1UL then PluralForm.One else PluralForm.Other
        elif size = 1UL then
            PluralForm.One
        else
            PluralForm.Other

    /// The resource key of `count`'s plural form in `culture`: `key` with the form's name after a dot
    /// (`Home.Results` and 1 in English: `Home.Results.One`).
    [<CompiledName("KeyOf")>]
    let keyOf (key: string) (culture: CultureInfo) (count: int64) : string =
        match formOf culture count with
        | PluralForm.One -> key + ".One"
        | PluralForm.Other -> key + ".Other"
