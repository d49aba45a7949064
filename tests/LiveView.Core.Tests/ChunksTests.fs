module LiveView.Core.Tests.ChunksTests

open Expecto
open FsCheck
open FsCheck.FSharp
open LiveView
open LiveView.Core.Tests.Support

/// One step from a sequence to the next, as a list's render makes it: some items written in a copy of as many, or a
/// new sequence of another length, runs copied from the last one and the rest written.
type private Step =
    | Write of (int * int) list
    | Resize of Count: int * Runs: (int * int * int) list * Writes: (int * int) list

let private genStep (count: int) =
    let genWrites count =
        Gen.listOf (Gen.zip (Gen.choose (0, max 0 (count - 1))) (Gen.choose (0, 1000)))
        |> Gen.map (List.filter (fun _ -> count > 0))

    Gen.oneof
        [
            genWrites count |> Gen.map Write
            gen {
                let! next = Gen.choose (0, 140)

                let! runs =
                    Gen.listOf (
                        gen {
                            let! from = Gen.choose (0, max 0 count)
                            let! start = Gen.choose (0, max 0 next)
                            let! length = Gen.choose (0, min (count - from) (next - start))
                            return from, start, length
                        }
                    )

                let! writes = genWrites next
                return Resize(next, runs, writes)
            }
        ]

/// Sequences one after the other from the first, each with its step.
let private genSteps =
    gen {
        let! first = Gen.choose (0, 140)
        let! steps = Gen.choose (1, 6)
        let mutable count = first
        let mutable made = []

        for _ in 1..steps do
            let! step = genStep count

            count <-
                match step with
                | Write _ -> count
                | Resize(next, _, _) -> next

            made <- step :: made

        return first, List.rev made
    }

// Protects the chunks a list's rows and their trees are held in: a copy with items written is the array written
// alike, the sequence copied is never changed, and the chunks no item was written in are shared.
[<Tests>]
let tests =
    testList
        "Chunks"
        [
            testPropertyWithConfig
                manyCases
                "a sequence made from the last is the array made alike; the last is unchanged"
            <| fun () ->
                Prop.forAll (Arb.fromGen genSteps)
                <| fun (first, steps) ->
                    let start = Chunks<int>.Make first

                    for i in 0 .. first - 1 do
                        start.Set(i, i)

                    let mutable chunks = start.Done()
                    let mutable model = Array.init first id
                    let mutable ok = chunks.ToArray() = model

                    for step in steps do
                        let before = chunks.ToArray()

                        let next, nextModel =
                            match step with
                            | Write writes ->
                                let builder = Chunks.Edit chunks
                                let copy = Array.copy model

                                for i, value in writes do
                                    builder.Set(i, value)
                                    copy[i] <- value

                                let next = builder.Done()

                                // A chunk no item was written in is the last sequence's own.
                                let written = writes |> List.map (fun (i, _) -> i / 32) |> set

                                let shared =
                                    [ 0 .. next.Spine.Length - 1 ]
                                    |> List.forall (fun c ->
                                        written.Contains c || obj.ReferenceEquals(next.Spine[c], chunks.Spine[c]))

                                ok <- ok && shared
                                next, copy
                            | Resize(count, runs, writes) ->
                                let builder = Chunks<int>.Make count
                                let copy = Array.zeroCreate count

                                for from, start, length in runs do
                                    builder.Copy(chunks, from, start, length)
                                    Array.blit model from copy start length

                                for i, value in writes do
                                    builder.Set(i, value)
                                    copy[i] <- value

                                builder.Done(), copy

                        ok <-
                            ok
                            && chunks.ToArray() = before
                            && next.ToArray() = nextModel
                            && next.Count = nextModel.Length
                            && List.forall (fun i -> next[i] = nextModel[i]) [ 0 .. nextModel.Length - 1 ]

                        chunks <- next
                        model <- nextModel

                    ok
        ]
