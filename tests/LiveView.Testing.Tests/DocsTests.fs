/// docs/testing.md shows code cut from tests that compile and run: each snippet marked `<!-- from: file#name -->`
/// is the region of that file between `docs:name` and `end`.
module LiveView.Testing.Tests.DocsTests

open System
open System.IO
open System.Text.RegularExpressions
open Expecto

let private root =
    let rec up (dir: DirectoryInfo | null) =
        match dir with
        | null -> failwith "docs/testing.md is not in a folder above the tests"
        | dir when File.Exists(Path.Combine(dir.FullName, "docs", "testing.md")) -> dir.FullName
        | dir -> up dir.Parent

    up (DirectoryInfo AppContext.BaseDirectory)

/// Lines without the indentation they share, and without blank lines at either end.
let private dedent (lines: string list) =
    let lines =
        lines
        |> List.skipWhile String.IsNullOrWhiteSpace
        |> List.rev
        |> List.skipWhile String.IsNullOrWhiteSpace
        |> List.rev

    let indent =
        lines
        |> List.filter (String.IsNullOrWhiteSpace >> not)
        |> List.map (fun line -> line.Length - line.TrimStart().Length)
        |> function
            | [] -> 0
            | indents -> List.min indents

    lines
    |> List.map (fun line ->
        if line.Length >= indent then
            line.Substring indent
        else
            line.Trim())
    |> String.concat "\n"

let private region (file: string) (name: string) =
    let lines = File.ReadAllLines(Path.Combine(root, file)) |> List.ofArray

    let start =
        lines |> List.tryFindIndex (fun line -> line.Trim().EndsWith($"docs:{name}"))

    match start with
    | None -> failwith $"{file} has no region docs:{name}"
    | Some start ->
        lines
        |> List.skip (start + 1)
        |> List.takeWhile (fun line -> line.Trim() <> "// end")
        |> dedent

[<Tests>]
let tests =
    testList
        "docs/testing.md"
        [
            testCase "every snippet is the code of a test"
            <| fun () ->
                let text =
                    File.ReadAllText(Path.Combine(root, "docs", "testing.md")).Replace("\r\n", "\n")

                let snippets =
                    Regex.Matches(text, @"<!-- from: ([^#]+)#([\w-]+) -->\n```\w+\n(.*?)\n```", RegexOptions.Singleline)

                Expect.isGreaterThanOrEqual snippets.Count 5 "the page has its snippets"

                for snippet in snippets do
                    let file, name = snippet.Groups[1].Value, snippet.Groups[2].Value
                    let shown = snippet.Groups[3].Value.Split('\n') |> List.ofArray |> dedent
                    Expect.equal shown (region file name) $"the snippet {file}#{name}"
        ]
