using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>A generated object's member table and spec fragment, and its codec: everything its shared code needs.</summary>
internal sealed class ApiType<T> : ApiCodec<T>
    where T : class
{
    private readonly string _fragment;
    private readonly Func<T> _create;
    private readonly ApiMember<T>[] _members;
    private readonly Dictionary<string, int> _indexes = new Dictionary<string, int>(StringComparer.Ordinal);
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
        for (int i = 0; i < _members.Length; i++)
        {
            _indexes[_members[i].Name] = i;
        }
    }

    public string Name { get; }

    public ObjectDefinition RuleDefinition => _definition ??= ObjectDefinition.Parse(_fragment, Name);

    public MemberValue RuleValue(T value, string name) => _indexes.TryGetValue(name, out int index) ? _members[index].RuleValue(value) : default;

    /// <summary>Reads the object at the reader; <paramref name="prefix"/> is its member path and a dot (empty at the top), for faults.</summary>
    public T ReadObject(ref Utf8JsonReader reader, string prefix)
    {
        ApiJson.StartObject(ref reader, prefix, Name);
        T result = _create();
        var seen = new bool[_members.Length];
        string? member = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = ApiJson.GetMemberName(ref reader, prefix, Name);
                reader.Read();
                if (_indexes.TryGetValue(member, out int index))
                {
                    ApiJson.FirstTime(ref seen[index], prefix, member);
                    _members[index].ReadJson(ref reader, result, prefix);
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

    public override T ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ReadObject(ref reader, prefix + name + ".");

    public override T ReadRoot(ref Utf8JsonReader reader) => ReadObject(ref reader, string.Empty);

    public override void WriteJson(Utf8JsonWriter writer, T value)
    {
        writer.WriteStartObject();
        foreach (ApiMember<T> member in _members)
        {
            member.WriteJson(writer, value);
        }

        writer.WriteEndObject();
    }

    public void WriteFormObject(List<KeyValuePair<string, string>> pairs, T value, string prefix)
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
    public T ReadFormObject(ApiFormEncoding.Values values, string prefix)
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

    public override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, T value) => WriteFormObject(pairs, value, name + ".");

    public override bool TryReadForm(ApiFormEncoding.Values values, string name, out T value)
    {
        value = values.HasObject(name) ? ReadFormObject(values, name + ".") : null!;
        return value is not null;
    }

    public override T ReadFormItem(ApiFormEncoding.Values values, string name) => ReadFormObject(values, name + ".");

    public override string Show(T value)
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

    public override MemberValue RuleValue(T value) => MemberValue.From((IRuleSubject)value);
}
