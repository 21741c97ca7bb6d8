using System.Collections.Generic;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>
/// How one kind of value (a string, a number, an enumeration, an object, a list) is read and written in JSON and in
/// the form encoding, shown by <c>ToString()</c> and handed to the rule engine. A value's path is <c>prefix + name</c>.
/// </summary>
internal abstract class ApiCodec<V>
{
    public abstract V ReadJson(ref Utf8JsonReader reader, string prefix, string name);

    /// <summary>Reads the value at the top of a document.</summary>
    public virtual V ReadRoot(ref Utf8JsonReader reader) => ReadJson(ref reader, string.Empty, "The value");

    public abstract void WriteJson(Utf8JsonWriter writer, V value);

    public abstract void WriteForm(List<KeyValuePair<string, string>> pairs, string name, V value);

    /// <summary>Reads the value named <paramref name="name"/> if the form has it.</summary>
    public abstract bool TryReadForm(ApiFormEncoding.Values values, string name, out V value);

    /// <summary>Reads an item of a list, which the form has.</summary>
    public abstract V ReadFormItem(ApiFormEncoding.Values values, string name);

    public abstract string Show(V value);

    public abstract MemberValue RuleValue(V value);
}

/// <summary>A value written as one JSON scalar and one form value.</summary>
internal abstract class ApiScalarCodec<V> : ApiCodec<V>
{
    public abstract string Format(V value);

    public abstract V Parse(string text, string name);

    public override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, V value) =>
        pairs.Add(new KeyValuePair<string, string>(name, Format(value)));

    public override bool TryReadForm(ApiFormEncoding.Values values, string name, out V value)
    {
        if (values.TryGetValue(name, out string? text))
        {
            value = Parse(text, name);
            return true;
        }

        value = default!;
        return false;
    }

    public override V ReadFormItem(ApiFormEncoding.Values values, string name) => Parse(values.GetValue(name), name);
}
