module LiveView.Core.Tests.TitleShapeTests

open Expecto
open FsCheck
open FsCheck.FSharp
open Giraffe.ViewEngine
open LiveView
open LiveView.Core.Tests.Support

/// Text that survives HTML encoding and decoding as it is (an unpaired surrogate does not).
let private genText = genAnyString |> Gen.filter (hasLoneSurrogate >> not)

/// A layout whose `<title>` is `prefix`, the page's title, `suffix`, encoded as `str` encodes text.
let private layout prefix suffix (pageTitle: string) =
    html [] [ head [] [ title [] [ str (prefix + pageTitle + suffix) ] ]; body [] [] ]

// Protects the document title over the socket: learned once from a layout, it must be what the layout renders for
// any page title; a layout that does more than surround the title is never learned.
[<Tests>]
let tests =
    testList
        "Title shape"
        [
            testProperty "a layout that surrounds the title is learned, and predicts its title for any page title"
            <| Prop.forAll (Arb.fromGen (Gen.zip3 genText genText genText)) (fun (prefix, suffix, pageTitle) ->
                let render = layout prefix suffix >> Navigation.titleOf

                match TitleShape.learn render with
                | Some shape -> Expect.equal (Some(shape.Around pageTitle)) (render pageTitle) "the layout's title"
                | None -> failtest "a layout that surrounds the title must be learned")

            testCase "it is learned with two renders"
            <| fun () ->
                let mutable renders = 0

                let render (pageTitle: string) =
                    renders <- renders + 1
                    Some(pageTitle + " · My site")

                Expect.equal (TitleShape.learn render |> Option.map _.Suffix) (Some " · My site") "the suffix"
                Expect.equal renders 2 "a probe and a check"

            testCase "a layout that does more than surround the title is not learned"
            <| fun () ->
                let layouts: (string -> string option) list =
                    [
                        fun t -> Some(t.ToUpperInvariant() + " · SITE") // changes it
                        fun t -> Some $"{t} | {t}" // repeats it
                        fun _ -> None // has no title
                        fun _ -> Some "Always the same" // ignores it
                        fun t -> Some(if t.StartsWith '\u0001' then t else "x" + t) // only the check shows it
                    ]

                for render in layouts do
                    Expect.isNone (TitleShape.learn render) "not learned"
        ]
