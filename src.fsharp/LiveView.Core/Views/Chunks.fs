namespace LiveView

open System

/// The size of a chunk: 32 items (an item's chunk is its index shifted right by 5, its place the index's last 5 bits).
module internal ChunkSize =
    [<Literal>]
    let Shift = 5

    [<Literal>]
    let Mask = 31

/// A sequence no one changes, held in chunks of 32 items: a copy with a few items changed (the next render of a list,
/// a row renamed) makes new chunks for those items alone and shares the others, so that it costs the changed chunks
/// and an array of a thirty-second of the items, not a copy of them all.
[<Sealed>]
type internal Chunks<'T> private (spine: 'T array array, count: int) =
    static let empty = Chunks<'T>(Array.Empty(), 0)

    /// No items.
    static member Empty = empty

    /// How many items there are.
    member _.Count = count

    /// Item `index`.
    member _.Item(index: int) : 'T =
        spine[index >>> ChunkSize.Shift][index &&& ChunkSize.Mask]

    /// The chunks (the same arrays in two sequences: the items there are the same).
    member internal _.Spine = spine

    /// The items, in an array of their own.
    member _.ToArray() : 'T array =
        let items = Array.zeroCreate count

        for c in 0 .. spine.Length - 1 do
            Array.Copy(
                spine[c],
                0,
                items,
                c <<< ChunkSize.Shift,
                min (ChunkSize.Mask + 1) (count - (c <<< ChunkSize.Shift))
            )

        items

    /// `map` of each item, in a list (made from the last item to the first: one cell each).
    member inline x.ToList([<InlineIfLambda>] map: 'T -> 'U) : 'U list =
        let mutable list = []

        for i in x.Count - 1 .. -1 .. 0 do
            list <- map x[i] :: list

        list

    /// A builder of `count` items, all to be written.
    static member Make(count: int) =
        ChunksBuilder<'T>(Chunks<'T>.NewSpine count, count, null)

    /// A builder of a copy of `chunks`, whose items are those of `chunks` until written.
    static member Edit(chunks: Chunks<'T>) =
        ChunksBuilder<'T>(Array.copy chunks.Spine, chunks.Count, chunks.Spine)

    /// The chunks of `count` items, new.
    static member private NewSpine(count: int) : 'T array array =
        let chunks = (count + ChunkSize.Mask) >>> ChunkSize.Shift

        Array.init chunks (fun c -> Array.zeroCreate (min (ChunkSize.Mask + 1) (count - (c <<< ChunkSize.Shift))))

    /// The sequence a builder made (`ChunksBuilder.Done`).
    static member internal Of(spine: 'T array array, count: int) =
        if count = 0 then empty else Chunks<'T>(spine, count)

/// Writes the items of a new `Chunks`: a chunk shared with the sequence it copies is copied the first time one of its
/// items is written.
and [<Sealed>] internal ChunksBuilder<'T>(spine: 'T array array, count: int, shared: 'T array array | null) =
    /// How many items there are.
    member _.Count = count

    /// Item `index`, as written so far.
    member _.Item(index: int) : 'T =
        spine[index >>> ChunkSize.Shift][index &&& ChunkSize.Mask]

    /// Chunk `c`, the builder's own: copied first when it is the copied sequence's.
    member private _.Own(c: int) : 'T array =
        if not (isNull shared) && obj.ReferenceEquals(spine[c], (nonNull shared)[c]) then
            let chunk = Array.copy spine[c]
            spine[c] <- chunk
            chunk
        else
            spine[c]

    /// Writes item `index`.
    member x.Set(index: int, value: 'T) =
        (x.Own(index >>> ChunkSize.Shift))[index &&& ChunkSize.Mask] <- value

    /// Writes items `start` on with the `length` items of `source` from `from` on, a run within a chunk of each at a
    /// time.
    member x.Copy(source: Chunks<'T>, from: int, start: int, length: int) =
        let mutable done' = 0

        while done' < length do
            let at = from + done'
            let into = start + done'
            let chunk = x.Own(into >>> ChunkSize.Shift)

            let run =
                min
                    (length - done')
                    (min (ChunkSize.Mask + 1 - (at &&& ChunkSize.Mask)) (ChunkSize.Mask + 1 - (into &&& ChunkSize.Mask)))

            Array.Copy(source.Spine[at >>> ChunkSize.Shift], at &&& ChunkSize.Mask, chunk, into &&& ChunkSize.Mask, run)

            done' <- done' + run

    /// The sequence written; the builder is not to be used after.
    member _.Done() = Chunks<'T>.Of(spine, count)
