namespace LiveView.CSharp

open System
open System.Buffers
open System.Net

/// HTML-encoding as Giraffe's `encodedText` and `attr` do it (`WebUtility.HtmlEncode`), text that needs none found by
/// one vectorized search.
module internal Encoded =

    /// The ASCII characters `WebUtility.HtmlEncode` leaves as they are.
    let private plain =
        SearchValues.Create
            [|
                for c in '\000' .. '\u007f' do
                    if "<>\"'&".IndexOf c < 0 then
                        c
            |]

    /// `text` HTML-encoded.
    let text (text: string) : string =
        if obj.ReferenceEquals(text, null) || text.AsSpan().IndexOfAnyExcept plain < 0 then
            text
        else
            WebUtility.HtmlEncode text |> nonNull

    // Descriptors views write at every render (`click->counter#increment`), encoded once each; a bounded number.
    let private descriptors =
        System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal)

    /// `text` HTML-encoded, for the value of a `data-action`: the encoding of each of the first 4,096 descriptors is
    /// kept.
    let descriptor (descriptor: string) : string =
        match descriptors.TryGetValue descriptor with
        | true, encoded -> encoded
        | _ ->
            let encoded = text descriptor

            if descriptors.Count < 4096 then
                descriptors.TryAdd(descriptor, encoded) |> ignore

            encoded
