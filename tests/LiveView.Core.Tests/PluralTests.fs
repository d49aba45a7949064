module LiveView.Core.Tests.PluralTests

open System.Globalization
open Expecto
open LiveView

let private culture (name: string) = CultureInfo.GetCultureInfo name

// Protects the plural rules the resource keys are chosen by: "1 post", "2 posts" in English and Spanish, the languages
// whose one covers zero, those with no plural, and the key that names the form.
[<Tests>]
let tests =
    testList
        "Plural"
        [
            testProperty "English and Spanish: one for 1 and -1 only, whatever the count"
            <| fun (count: int64) ->
                let expected =
                    if count = 1L || count = -1L then
                        PluralForm.One
                    else
                        PluralForm.Other

                [ "en"; "en-GB"; "es"; "es-MX"; "de"; "" ]
                |> List.forall (fun name -> Plural.formOf (culture name) count = expected)

            testProperty "French and Brazilian Portuguese: one for 0 and 1; Portugal's Portuguese as English"
            <| fun (count: int64) ->
                let small = count >= -1L && count <= 1L

                Plural.formOf (culture "fr") count = (if small then PluralForm.One else PluralForm.Other)
                && Plural.formOf (culture "pt-BR") count = (if small then PluralForm.One else PluralForm.Other)
                && Plural.formOf (culture "pt-PT") count = Plural.formOf (culture "en") count

            testProperty "Japanese and Chinese have no plural: always other"
            <| fun (count: int64) ->
                Plural.formOf (culture "ja") count = PluralForm.Other
                && Plural.formOf (culture "zh-Hans") count = PluralForm.Other

            testCase "the key names the form after a dot"
            <| fun () ->
                Expect.equal (Plural.keyOf "Home.Results" (culture "en") 1L) "Home.Results.One" "one post"
                Expect.equal (Plural.keyOf "Home.Results" (culture "en") 2L) "Home.Results.Other" "two posts"
                Expect.equal (Plural.keyOf "Home.Results" (culture "es") 0L) "Home.Results.Other" "cero artículos"
                Expect.equal (Plural.keyOf "Home.Results" (culture "fr") 0L) "Home.Results.One" "zéro article"

            testCase "the smallest count has no absolute value and is still other"
            <| fun () -> Expect.equal (Plural.formOf (culture "en") System.Int64.MinValue) PluralForm.Other "other"
        ]
