using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>A generated object's member table and spec fragment, and its codec: everything its shared code needs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiType<T> : ApiCodec<T>
    where T : class
{
    private readonly string _fragment;
    private readonly Func<T> _create;
    private readonly ApiMember<T>[] _members;
    private readonly Dictionary<string, int> _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly byte[][] _utf8Names;
    private ObjectDefinition? _definition;

    /// <param name="fragment">The type's spec fragment, for the rule engine.</param>
    /// <param name="name">The spec's name of the type.</param>
    /// <param name="create">Creates an instance with every member unset, for readers.</param>
    /// <param name="members">The members, in the spec's order.</param>
    public ApiType(string fragment, string name, Func<T> create, ApiMembers<T> members)
    {
        _fragment = fragment;
        Name = name;
        _create = create;
        _members = members.ToArray();
        _utf8Names = new byte[_members.Length][];
        for (int i = 0; i < _members.Length; i++)
        {
            _indexes[_members[i].Name] = i;
            _utf8Names[i] = global::System.Text.Encoding.UTF8.GetBytes(_members[i].Name);
        }
    }

    /// <summary>The spec's name of the type.</summary>
    public string Name { get; }

    internal ObjectDefinition RuleDefinition => _definition ??= ObjectDefinition.Parse(_fragment, Name);

    internal MemberValue RuleValue(T value, string name) => _indexes.TryGetValue(name, out int index) ? _members[index].RuleValue(value) : default;

    /// <summary>The value of the rule definition's member <paramref name="index"/>, through a map from the definition's order to the table's, made once.</summary>
    internal MemberValue RuleValueAt(T value, int index) => (_tableIndexes ??= MapDefinitionToTable())[index] is int table && table >= 0 ? _members[table].RuleValue(value) : default;

    private int[]? _tableIndexes;

    private int[] MapDefinitionToTable()
    {
        MemberDefinition[] members = RuleDefinition.Members;
        var map = new int[members.Length];
        for (int i = 0; i < map.Length; i++)
        {
            map[i] = _indexes.TryGetValue(members[i].Name, out int table) ? table : -1;
        }

        return map;
    }

    /// <summary>Reads the object at the reader; <paramref name="prefix"/> is its member path and a dot (empty at the top), for faults.</summary>
    internal T ReadObject(ref Utf8JsonReader reader, string prefix)
    {
        ApiJson.StartObject(ref reader, prefix, Name);
        T result = _create();
        // Which members were read, to refuse a second one: bits for the usual object, an array beyond 64 members.
        ulong seenBits = 0;
        bool[]? seenMany = _members.Length > 64 ? new bool[_members.Length] : null;
        string? member = null;
        int next = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int index = FindMember(ref reader, next, prefix);
                member = index >= 0 ? _members[index].Name : ApiJson.GetMemberName(ref reader, prefix, Name);
                reader.Read();
                if (index >= 0)
                {
                    if (seenMany is null)
                    {
                        bool seen = (seenBits & (1UL << index)) != 0;
                        ApiJson.FirstTime(ref seen, prefix, member);
                        seenBits |= 1UL << index;
                    }
                    else
                    {
                        ApiJson.FirstTime(ref seenMany[index], prefix, member);
                    }

                    if (ApiDeviations.Collecting && !_members[index].StrictInAnswers)
                    {
                        ReadTolerantly(ref reader, result, index, prefix);
                    }
                    else
                    {
                        _members[index].ReadJson(ref reader, result, prefix);
                    }

                    next = index + 1;
                }
                else
                {
                    reader.Skip();
                }

                // A fault between members belongs to the object, not to the member read last.
                member = null;
            }
        }
        catch (JsonException exception) when (ApiJson.IsSyntaxError(exception))
        {
            throw ApiJson.Malformed(exception, prefix, member, Name);
        }

        return result;
    }

    /// <summary>
    /// Reads one member of an answer: a value of another type than documented is kept as raw JSON and reported, not
    /// thrown, so the answer's other members (its RequestId, the ids of what it created) still come back. A number or
    /// boolean where a string is documented is also read as its text. Malformed JSON still throws.
    /// </summary>
    private void ReadTolerantly(ref Utf8JsonReader reader, T result, int index, string prefix)
    {
        Utf8JsonReader start = reader;
        try
        {
            _members[index].ReadJson(ref reader, result, prefix);
            return;
        }
        catch (JsonException exception) when (!ApiJson.IsSyntaxError(exception))
        {
            reader = start;
            using JsonDocument value = JsonDocument.ParseValue(ref reader);
            string raw = value.RootElement.GetRawText();
            bool readAnyway = false;
            if (ApiDeviations.AsString(value.RootElement) is string text)
            {
                var again = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
                again.Read();
                try
                {
                    _members[index].ReadJson(ref again, result, prefix);
                    readAnyway = true;
                }
                catch (JsonException)
                {
                    // Not a string member either: the raw JSON is all there is.
                }
            }

            string path = prefix + _members[index].Name;
            ApiDeviations.Add(new ApiDeviation(path.StartsWith(ApiJson.ResponsePrefix, StringComparison.Ordinal) ? path.Substring(ApiJson.ResponsePrefix.Length) : path, raw, Problem(exception.Message, path), readAnyway));
        }
    }

    /// <summary>The reader's message without the path it starts with (the deviation names the path).</summary>
    private static string Problem(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message.Substring(path.Length + 2) : message;

    /// <summary>
    /// The index of the member whose name the reader is at, or -1 for a name this type does not have. Compared as UTF-8,
    /// starting where the spec's order expects it, so reading a member name allocates nothing.
    /// </summary>
    private int FindMember(ref Utf8JsonReader reader, int expected, string prefix)
    {
        if (reader.ValueIsEscaped)
        {
            // Rare (\u0041 for A): the unescaped text decides.
            return _indexes.TryGetValue(ApiJson.GetMemberName(ref reader, prefix, Name), out int found) ? found : -1;
        }

        for (int i = 0; i < _utf8Names.Length; i++)
        {
            int index = (expected + i) % _utf8Names.Length;
            if (reader.ValueTextEquals(_utf8Names[index]))
            {
                return index;
            }
        }

        return -1;
    }

    internal override T ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ReadObject(ref reader, prefix + name + ".");

    internal override T ReadRoot(ref Utf8JsonReader reader) => ReadObject(ref reader, string.Empty);

    internal override void WriteJson(Utf8JsonWriter writer, T value)
    {
        writer.WriteStartObject();
        foreach (ApiMember<T> member in _members)
        {
            member.WriteJson(writer, value);
        }

        writer.WriteEndObject();
    }

    internal void WriteFormObject(List<KeyValuePair<string, string>> pairs, T value, string prefix)
    {
        if (ApiFormEncoding.TooDeep(prefix, "the object (does it hold itself?)") is string deep)
        {
            throw new InvalidOperationException(deep);
        }

        foreach (ApiMember<T> member in _members)
        {
            member.WriteForm(pairs, value, prefix);
        }
    }

    /// <summary>Reads the members named <paramref name="prefix"/> + member name; members not found stay unset.</summary>
    internal T ReadFormObject(ApiFormEncoding.Values values, string prefix)
    {
        T result = _create();
        foreach (ApiMember<T> member in _members)
        {
            member.ReadForm(values, result, prefix);
        }

        return result;
    }

    /// <summary>Reads an object from form parameters; names it does not know are ignored.</summary>
    public T ReadForm(IEnumerable<KeyValuePair<string, string>> parameters) => ReadFormObject(new ApiFormEncoding.Values(parameters), string.Empty);

    internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, T value) => WriteFormObject(pairs, value, name + ".");

    internal override bool TryReadForm(ApiFormEncoding.Values values, string name, out T value)
    {
        value = values.HasObject(name) ? ReadFormObject(values, name + ".") : null!;
        return value is not null;
    }

    internal override T ReadFormItem(ApiFormEncoding.Values values, string name) => ReadFormObject(values, name + ".");

    internal override string Show(T value)
    {
        // Past the readers' depth (an object that holds itself) ToString() stops, never throws.
        if (ApiCodecs.ShowDepth >= ApiFormEncoding.MaxDepth)
        {
            return Name + " { ... }";
        }

        ApiCodecs.ShowDepth++;
        try
        {
            var text = new StringBuilder(Name + " {");
            bool first = true;
            foreach (ApiMember<T> member in _members)
            {
                member.Show(text, value, ref first);
            }

            return text.Append(" }").ToString();
        }
        finally
        {
            ApiCodecs.ShowDepth--;
        }
    }

    internal override MemberValue RuleValue(T value) => MemberValue.From((IRuleSubject)value);
}
