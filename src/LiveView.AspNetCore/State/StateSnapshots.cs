using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LiveView.AspNetCore;

/// <summary>What came of writing a snapshot: its token, or why there is none.</summary>
/// <param name="Token">The snapshot as the client keeps it (base64url), or null.</param>
/// <param name="Bytes">The token's length, or the length it would have had (too large).</param>
/// <param name="Error">Why the state could not be written (its type's serialization threw).</param>
internal readonly record struct WrittenSnapshot(string? Token, int Bytes, Exception? Error);

/// <summary>
/// Writes and reads snapshots of pages' states: JSON (<see cref="StateJson"/>), Brotli-compressed when that is
/// smaller, behind a header (format, the state type's shape, when it was made), then signed and encrypted with
/// ASP.NET Core Data Protection under a purpose bound to the page and the user, and base64url-encoded. So a client
/// can keep a snapshot but neither read nor change it, and one made for another page or user does not read. Nodes that
/// share the key ring read each other's snapshots.
/// </summary>
internal sealed class StateSnapshots(IDataProtectionProvider protection, TimeProvider time, IOptions<LiveViewOptions> options)
{
    /// <summary>The format of the header below.</summary>
    private const byte Format = 1;

    private const byte Plain = 0;
    private const byte Brotli = 1;

    // Format (1), the state type's shape (8), when it was made in Unix seconds (4), encoding (1); then the JSON, or
    // its length (4) and the JSON compressed.
    private const int HeaderBytes = 14;
    private const int LengthBytes = 4;

    private readonly IDataProtector root = protection.CreateProtector("LiveView.PageState");

    /// <summary>Room left in a client's message for what goes with a snapshot (the mount's action, data, view).</summary>
    private const int MountBytes = 1024;

    private LiveViewOptions Options => options.Value;

    /// <summary>The largest snapshot, as sent: <see cref="LiveViewOptions.MaxStateBytes"/>, within what a client may send back.</summary>
    public int Limit => Math.Min(Options.MaxStateBytes, Options.MaxMessageBytes - MountBytes);

    /// <summary>The snapshot of <paramref name="state"/>, a state of <paramref name="page"/> for <paramref name="user"/>.</summary>
    public WrittenSnapshot Write(KeptPage page, string user, object state)
    {
        try
        {
            return Protect(page, user, JsonSerializer.SerializeToUtf8Bytes(state, page.StateType, StateJson.Options));
        }
        catch (Exception ex)
        {
            // The state's serialization runs the application's code (getters, converters); the key ring may fail.
            return new WrittenSnapshot(null, 0, ex);
        }
    }

    private WrittenSnapshot Protect(KeptPage page, string user, byte[] json)
    {
        // Compressed only when that is smaller (a small state is not), with the JSON's length before it.
        var body = new byte[HeaderBytes + LengthBytes + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        var encoding = Plain;
        var length = json.Length;
        if (json.Length > 64
            && BrotliEncoder.TryCompress(json, body.AsSpan(HeaderBytes + LengthBytes), out var compressed, quality: 5, window: 22)
            && compressed + LengthBytes < json.Length)
        {
            encoding = Brotli;
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(HeaderBytes), json.Length);
            length = LengthBytes + compressed;
        }
        else
        {
            json.CopyTo(body.AsSpan(HeaderBytes));
        }

        body[0] = Format;
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(1), page.Shape);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(9), (uint)time.GetUtcNow().ToUnixTimeSeconds());
        body[13] = encoding;

        var token = Base64Url.EncodeToString(Protector(page.Name, user).Protect(body[..(HeaderBytes + length)]));
        return token.Length > Limit
            ? new WrittenSnapshot(null, token.Length, null)
            : new WrittenSnapshot(token, token.Length, null);
    }

    /// <summary>
    /// What <paramref name="token"/>, sent by a reconnecting client of <paramref name="user"/> with its mount of
    /// <paramref name="pageName"/>, holds: the state, or why it cannot be used. Never throws.
    /// </summary>
    public Snapshot Read(string pageName, KeptPage? page, string user, string token)
    {
        if (page is null)
        {
            return Snapshot.NewRejected(SnapshotRejection.NotKept);
        }

        if (token.Length > Limit)
        {
            return Snapshot.NewRejected(SnapshotRejection.NewTooLarge(token.Length));
        }

        byte[] body;
        try
        {
            body = Protector(pageName, user).Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return Snapshot.NewRejected(SnapshotRejection.Unreadable);
        }

        if (body.Length < HeaderBytes || body[0] != Format || body[13] > Brotli)
        {
            return Snapshot.NewRejected(SnapshotRejection.Unreadable);
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(1)) != page.Shape)
        {
            return Snapshot.NewRejected(SnapshotRejection.ShapeChanged);
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(9)));
        if (age > Options.MaxStateAge)
        {
            return Snapshot.NewRejected(SnapshotRejection.NewExpired(age));
        }

        var json = body.AsSpan(HeaderBytes);
        if (body[13] == Brotli)
        {
            var length = json.Length >= LengthBytes ? BinaryPrimitives.ReadInt32LittleEndian(json) : -1;
            var plain = length >= 0 ? new byte[length] : [];
            if (length < 0 || !BrotliDecoder.TryDecompress(json[LengthBytes..], plain, out var written) || written != length)
            {
                return Snapshot.NewRejected(SnapshotRejection.NewUnfit("its compressed body does not read"));
            }

            json = plain;
        }

        try
        {
            return Snapshot.NewDecoded(JsonSerializer.Deserialize(json, page.StateType, StateJson.Options)!);
        }
        catch (JsonException ex)
        {
            return Snapshot.NewRejected(SnapshotRejection.NewUnfit($"{ex.GetType().Name} at {ex.Path ?? "$"}"));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Snapshot.NewRejected(SnapshotRejection.NewUnfit(ex.GetType().Name));
        }
    }

    // Purposes of their own for the page and the user: a snapshot made under others does not read.
    private IDataProtector Protector(string page, string user) => root.CreateProtector("page:" + page, "user:" + user);
}
