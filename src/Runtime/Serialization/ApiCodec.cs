using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>
/// How one kind of value (a string, a number, an enumeration, an object, a list) is read and written in JSON and in
/// the form encoding, shown by <c>ToString()</c> and handed to the rule engine. A value's path is <c>prefix + name</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiCodec<V>
{
    internal abstract V ReadJson(ref Utf8JsonReader reader, string prefix, string name);

    /// <summary>Reads the value at the top of a document.</summary>
    internal virtual V ReadRoot(ref Utf8JsonReader reader) => ReadJson(ref reader, string.Empty, "The value");

    internal abstract void WriteJson(Utf8JsonWriter writer, V value);

    internal abstract void WriteForm(List<KeyValuePair<string, string>> pairs, string name, V value);

    /// <summary>Reads the value named <paramref name="name"/> if the form has it.</summary>
    internal abstract bool TryReadForm(ApiFormEncoding.Values values, string name, out V value);

    /// <summary>Reads an item of a list, which the form has.</summary>
    internal abstract V ReadFormItem(ApiFormEncoding.Values values, string name);

    internal abstract string Show(V value);

    internal abstract MemberValue RuleValue(V value);
}

/// <summary>A value written as one JSON scalar and one form value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiScalarCodec<V> : ApiCodec<V>
{
    internal abstract string Format(V value);

    internal abstract V Parse(string text, string name);

    internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, V value) =>
        pairs.Add(new KeyValuePair<string, string>(name, Format(value)));

    internal override bool TryReadForm(ApiFormEncoding.Values values, string name, out V value)
    {
        if (values.TryGetValue(name, out string? text))
        {
            value = Parse(text, name);
            return true;
        }

        value = default!;
        return false;
    }

    internal override V ReadFormItem(ApiFormEncoding.Values values, string name) => Parse(values.GetValue(name), name);
}
