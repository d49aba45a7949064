using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Microsoft.FSharp.Reflection;

namespace LiveView.AspNetCore;

/// <summary>
/// What a page's state type looks like to a snapshot, read once at startup from its type graph: whether
/// <see cref="StateJson"/> can write it and read it back (<see cref="Problem"/> names the first member that cannot
/// be), and a fingerprint of its shape (type names, members, union cases, in a fixed order), which a snapshot carries:
/// one made before a deploy that changed the type's shape is not read back into the new one.
/// </summary>
/// <param name="Problem">Null when the state can be snapshotted; else where and why not, for the log.</param>
/// <param name="Fingerprint">The first 8 bytes of the SHA-256 of the shape's description.</param>
internal sealed record StateShape(string? Problem, ulong Fingerprint)
{
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;
    private const BindingFlags AnyInstance = Instance | BindingFlags.NonPublic;

    /// <summary>Reads the shape of <paramref name="type"/>.</summary>
    public static StateShape Of(Type type)
    {
        var walk = new Walk();
        walk.Visit(type, NameOf(type));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(walk.Shape.ToString()));
        return new StateShape(walk.Problem, BitConverter.ToUInt64(hash, 0));
    }

    /// <summary>A type's name without its assembly, with its type arguments: <c>Microsoft.FSharp.Core.FSharpOption&lt;System.Int32&gt;</c>.</summary>
    public static string NameOf(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var definition = type.GetGenericTypeDefinition();
        var name = definition.FullName ?? definition.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(",", type.GetGenericArguments().Select(NameOf))}>";
    }

    /// <summary>One walk over a type graph: the shape so far, and the first problem met.</summary>
    private sealed class Walk
    {
        private readonly HashSet<Type> seen = [];

        public StringBuilder Shape { get; } = new();

        public string? Problem { get; private set; }

        public void Visit(Type type, string where)
        {
            if (Problem is not null)
            {
                return;
            }

            // A type met again (a recursive union, a record used twice) is named, not walked again.
            if (!seen.Add(type))
            {
                Shape.Append('@').Append(NameOf(type));
                return;
            }

            Shape.Append(NameOf(type));
            if (Refusal(type) is { } reason)
            {
                Problem = $"{where} ({NameOf(type)}) {reason}";
                return;
            }

            if (type.IsEnum)
            {
                Shape.Append('(').AppendJoin(',', Enum.GetNames(type)).Append(')');
            }
            else if (IsLeaf(type))
            {
                // Written as a JSON value.
            }
            else if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                Visit(underlying, where);
            }
            else if (type.IsArray)
            {
                Items(type.GetElementType()!, where);
            }
            else if (IsFSharpCollection(type) || FSharpType.IsTuple(type))
            {
                Arguments(type.IsGenericType ? type.GetGenericArguments() : FSharpType.GetTupleElements(type), where);
            }
            else if (FSharpType.IsRecord(type, AnyInstance))
            {
                Members(FSharpType.GetRecordFields(type, AnyInstance).OrderBy(field => field.Name, StringComparer.Ordinal), where);
            }
            else if (FSharpType.IsUnion(type, AnyInstance))
            {
                foreach (var union in FSharpType.GetUnionCases(type, AnyInstance))
                {
                    // A case's fields are written in their order.
                    Shape.Append('|').Append(union.Name);
                    Members(union.GetFields(), $"{where}.{union.Name}");
                }
            }
            else if (Dictionary(type) is { } pair)
            {
                Arguments(pair, where);
            }
            else if (ItemsOf(type) is { } item)
            {
                Items(item, where);
            }
            else
            {
                Object(type, where);
            }
        }

        private void Items(Type item, string where)
        {
            Shape.Append('[');
            Visit(item, where + "[]");
            Shape.Append(']');
        }

        private void Arguments(Type[] arguments, string where)
        {
            Shape.Append('<');
            foreach (var argument in arguments)
            {
                Visit(argument, where + "[]");
                Shape.Append(',');
            }

            Shape.Append('>');
        }

        private void Members(IEnumerable<PropertyInfo> members, string where)
        {
            Shape.Append('{');
            foreach (var member in members)
            {
                Shape.Append(member.Name).Append(':');
                if (member.IsDefined(typeof(JsonConverterAttribute)))
                {
                    Shape.Append("converter");
                }
                else
                {
                    Visit(member.PropertyType, $"{where}.{member.Name}");
                }

                Shape.Append(';');
            }

            Shape.Append('}');
        }

        /// <summary>A class or a struct: a JSON object of its public properties, read back through a constructor.</summary>
        private void Object(Type type, string where)
        {
            var properties = type.GetProperties(Instance)
                .Where(property => property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !property.IsDefined(typeof(JsonIgnoreAttribute)))
                .OrderBy(property => property.Name, StringComparer.Ordinal)
                .ToList();
            var constructor = ConstructorOf(type);
            if (constructor is null && !type.IsValueType)
            {
                Problem = $"{where} ({NameOf(type)}) has no constructor System.Text.Json can use (a public parameterless one, a single public one, or one marked [JsonConstructor])";
                return;
            }

            var parameters = constructor?.GetParameters() ?? [];
            var names = new HashSet<string>(parameters.Select(parameter => parameter.Name ?? ""), StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in parameters)
            {
                if (!properties.Any(property => string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Problem = $"{where} ({NameOf(type)}): its constructor's parameter '{parameter.Name}' is not a public property, so it cannot be read back";
                    return;
                }
            }

            foreach (var property in properties)
            {
                var settable = property.SetMethod is { IsPublic: true };
                var stored = type.GetField($"<{property.Name}>k__BackingField", AnyInstance) is not null;
                if (!settable && stored && !names.Contains(property.Name))
                {
                    Problem = $"{where}.{property.Name} is read-only and not a constructor parameter: it would be lost";
                    return;
                }
            }

            Members(properties, where);
        }

        /// <summary>The constructor System.Text.Json reads the type back with, or null when there is none.</summary>
        private static ConstructorInfo? ConstructorOf(Type type)
        {
            var constructors = type.GetConstructors(Instance);
            return constructors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)))
                ?? constructors.FirstOrDefault(c => c.GetParameters().Length == 0)
                ?? (constructors.Length == 1 ? constructors[0] : null);
        }

        /// <summary>Why a value of <paramref name="type"/> cannot be in a snapshot, or null when it can.</summary>
        private static string? Refusal(Type type)
        {
            if (type == typeof(object))
            {
                return "is typed object: what it holds cannot be read back (type it, or give it a [JsonConverter])";
            }

            if (typeof(Delegate).IsAssignableFrom(type) || IsFunction(type))
            {
                return "is a function";
            }

            if (typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            {
                return "is a task";
            }

            if (typeof(IDisposable).IsAssignableFrom(type) || typeof(IAsyncDisposable).IsAssignableFrom(type))
            {
                return "is a resource (disposable: a stream, a database context, a timer...) that does not outlive its connection";
            }

            if (typeof(IServiceProvider).IsAssignableFrom(type) || type == typeof(CancellationToken) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(ClaimsPrincipal).IsAssignableFrom(type))
            {
                return "belongs to the running process (services, tokens, types, the user), not to the page's state";
            }

            if (type.IsPointer || type.IsByRef || type == typeof(IntPtr) || type == typeof(UIntPtr))
            {
                return "is a pointer";
            }

            if (type.IsArray && type.GetArrayRank() > 1)
            {
                return "is a multi-dimensional array";
            }

            if (type.IsDefined(typeof(JsonConverterAttribute)) || IsLeaf(type) || type.IsEnum || type.IsArray || Nullable.GetUnderlyingType(type) is not null)
            {
                return null;
            }

            if (type.IsGenericTypeDefinition || type.ContainsGenericParameters)
            {
                return "is an open generic type";
            }

            if (type.IsInterface && !IsKnownCollection(type))
            {
                return "is an interface: which type to read it back as is unknown";
            }

            if (type.IsAbstract && !type.IsInterface && !FSharpType.IsUnion(type, AnyInstance))
            {
                return "is abstract: which type to read it back as is unknown";
            }

            if (Dictionary(type) is [var key, _] && !IsKey(key))
            {
                return $"is a dictionary keyed by {NameOf(key)}, which JSON cannot key by (use strings, numbers, enums or Guids)";
            }

            if (!type.IsInterface && !type.IsValueType && (Dictionary(type) is not null || ItemsOf(type) is not null)
                && !IsFSharpCollection(type) && !IsImmutable(type) && type.GetConstructor(Type.EmptyTypes) is null)
            {
                return "is a collection System.Text.Json cannot create (no public parameterless constructor)";
            }

            if (typeof(IEnumerable).IsAssignableFrom(type) && Dictionary(type) is null && ItemsOf(type) is null)
            {
                return "is a collection whose items are not typed";
            }

            return null;
        }

        private static bool IsFunction(Type type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(FSharpFunc<,>))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLeaf(Type type) =>
            (type.IsPrimitive && type != typeof(IntPtr) && type != typeof(UIntPtr))
            || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid)
            || type == typeof(Uri) || type == typeof(Version) || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128)
            || type == typeof(Unit) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type);

        private static bool IsKey(Type key) =>
            key == typeof(string) || key.IsEnum || key == typeof(Guid) || key == typeof(decimal)
            || key == typeof(DateTime) || key == typeof(DateTimeOffset) || (key.IsPrimitive && key != typeof(IntPtr) && key != typeof(UIntPtr));

        private static bool IsFSharpCollection(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(FSharpOption<>) || definition == typeof(FSharpValueOption<>) || definition == typeof(FSharpList<>)
                || definition == typeof(FSharpSet<>) || definition == typeof(FSharpMap<,>));

        private static bool IsImmutable(Type type) =>
            type.Namespace == typeof(ImmutableList).Namespace;

        private static readonly Type[] KnownCollections =
        [
            typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>),
            typeof(ISet<>), typeof(IReadOnlySet<>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>),
            typeof(IImmutableList<>), typeof(IImmutableSet<>), typeof(IImmutableDictionary<,>), typeof(IImmutableQueue<>), typeof(IImmutableStack<>),
        ];

        private static bool IsKnownCollection(Type type) =>
            type.IsGenericType && KnownCollections.Contains(type.GetGenericTypeDefinition());

        /// <summary>The key and value types of a dictionary, or null when the type is not one.</summary>
        private static Type[]? Dictionary(Type type) =>
            Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>));

        /// <summary>The item type of a typed collection, or null when the type is not one.</summary>
        private static Type? ItemsOf(Type type) =>
            type == typeof(string) ? null : Generic(type, typeof(IEnumerable<>))?[0];

        private static Type[]? Generic(Type type, Type definition)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
            {
                return type.GetGenericArguments();
            }

            return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
        }
    }
}
