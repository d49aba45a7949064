namespace LiveView.Testing

open System
open System.Collections.Generic
open FsCheck
open FsCheck.FSharp

/// A user's journey through a page, as FsCheck generates and shrinks it: a list of choices, each turned into one of
/// the steps the page offers when it is taken (`UserSteps.available`: whatever is clickable, fillable, submittable
/// right then), with a value picked by its seed. Shrinking removes choices, so a failing journey comes down to the
/// shortest one that still fails; it prints as the steps it took.
[<Sealed>]
type Journey(choices: struct (int * int) list) =
    let mutable taken: UserStep list = []

    /// The choices: which of the available steps (by index, modulo their number), and the seed of its value.
    member internal _.Choices = choices

    /// The steps the last run took.
    member _.Steps: IReadOnlyList<UserStep> = List.toArray taken

    /// Takes the journey on `test`'s page: step by step, each chosen among what the page offers then. Stops early
    /// when the page offers nothing. Returns the page.
    member _.Run(test: LiveTest) : LiveTest =
        taken <- []

        let rec walk (choices: struct (int * int) list) =
            match choices with
            | [] -> ()
            | struct (choice, seed) :: rest ->
                match UserSteps.available test with
                | [] -> ()
                | steps ->
                    let step =
                        UserSteps.pick test seed steps[(choice &&& Int32.MaxValue) % steps.Length]

                    taken <- taken @ [ step ]
                    UserSteps.take test step |> ignore
                    walk rest

        walk choices
        test

    /// The journey of `steps` steps that `seed` draws: the same one every time (to replay a journey elsewhere, in a
    /// browser, or to explore without FsCheck).
    static member Seeded(seed: int, steps: int) : Journey =
        let random = Random seed
        Journey [ for _ in 1..steps -> struct (random.Next 1000, random.Next 1000) ]

    /// Journeys of up to `steps` steps (FsCheck's size decides how long, up to that); shrinking drops steps.
    static member Arbitrary(steps: int) : Arbitrary<Journey> =
        let choice =
            Gen.zip (Gen.choose (0, 1000)) (Gen.choose (0, 1000))
            |> Gen.map (fun (a, b) -> struct (a, b))

        let journeys =
            Gen.sized (fun size -> Gen.choose (0, min steps (max 1 size)))
            |> Gen.bind (fun length -> Gen.listOfLength length choice)
            |> Gen.map Journey

        let shrink (journey: Journey) : Journey seq =
            let choices = journey.Choices

            seq {
                if choices.Length > 1 then
                    yield Journey(List.take (choices.Length / 2) choices)

                for index in 0 .. choices.Length - 1 do
                    yield Journey(List.removeAt index choices)
            }

        Arb.fromGenShrink (journeys, shrink)

    /// The steps the last run took, as a person would say them; the choices before any run.
    override _.ToString() =
        match taken with
        | [] -> $"a journey of {choices.Length} steps"
        | steps -> steps |> List.map string |> String.concat "; "

/// Generating journeys.
[<RequireQualifiedAccess>]
module Journey =

    /// Journeys of up to `steps` steps (FsCheck's size decides how long, up to that).
    let arbitrary (steps: int) : Arbitrary<Journey> = Journey.Arbitrary steps

    /// Takes `journey` on `test`'s page.
    let run (journey: Journey) (test: LiveTest) : LiveTest = journey.Run test
