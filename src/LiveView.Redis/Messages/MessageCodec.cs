using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace LiveView.Redis;

/// <summary>
/// Messages as they travel through Redis: <c>{"n": node, "a": assembly, "t": type, "m": message}</c>, the message
/// written as JSON by System.Text.Json as its type. Read back in that order: a node's own messages are recognised before
/// anything else is read, and a message is read only as a type a page handles (<see cref="MessageTypes"/>).
/// </summary>
internal sealed class MessageCodec(RedisConnection connection, MessageTypes types)
{
    private readonly JsonSerializerOptions options = connection.Options.SerializerOptions;
    // By a message's runtime type: the type it is written as, and the name that type travels under.
    private readonly ConcurrentDictionary<Type, (Type Type, string Assembly, string Name)> wire = new();

    /// <summary>What was read.</summary>
    public enum Outcome
    {
        /// <summary>This node sent it: already delivered here.</summary>
        Own,

        /// <summary>A message to deliver.</summary>
        Message,

        /// <summary>Of a type no page handles: dropped, unread (and logged once per type).</summary>
        Refused,
    }

    /// <summary>Writes <paramref name="message"/> with this node's id; throws if it cannot be written as JSON.</summary>
    public byte[] Encode(object message)
    {
        var (type, assembly, name) = wire.GetOrAdd(message.GetType(), static runtime =>
        {
            var written = MessageTypes.WireType(runtime);
            var (assembly, name) = MessageTypes.NameOf(written);
            return (written, assembly, name);
        });
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("n", connection.Node);
            writer.WriteString("a", assembly);
            writer.WriteString("t", name);
            writer.WritePropertyName("m");
            JsonSerializer.Serialize(writer, message, type, options);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads what arrived from Redis: a message, this node's own, or a refused type (<paramref name="type"/> names it,
    /// <paramref name="firstRefusal"/> says whether it is refused for the first time). Throws <see cref="JsonException"/>
    /// on anything else.
    /// </summary>
    public Outcome Decode(ReadOnlySpan<byte> bytes, out object? message, out string type, out bool firstRefusal)
    {
        message = null;
        type = "";
        firstRefusal = false;
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A message from Redis must be a JSON object.");
        }

        if (ReadString(ref reader, "n") == connection.Node)
        {
            return Outcome.Own;
        }

        var assembly = ReadString(ref reader, "a");
        type = ReadString(ref reader, "t");
        if (types.Resolve((assembly, type), out firstRefusal) is not { } known)
        {
            return Outcome.Refused;
        }

        ReadProperty(ref reader, "m");
        message = JsonSerializer.Deserialize(ref reader, known, options) ?? throw new JsonException("The message is null.");
        return Outcome.Message;
    }

    private static string ReadString(ref Utf8JsonReader reader, string property)
    {
        ReadProperty(ref reader, property);
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } value)
        {
            throw new JsonException($"'{property}' must be a string.");
        }

        return value;
    }

    private static void ReadProperty(ref Utf8JsonReader reader, string property)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(property) || !reader.Read())
        {
            throw new JsonException($"Expected '{property}'.");
        }
    }
}
