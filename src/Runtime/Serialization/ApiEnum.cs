using System;
using System.Collections.Generic;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>An enumeration's values as data, and its codec: the raw value's, wrapped.</summary>
/// <typeparam name="E">The enumeration struct.</typeparam>
/// <typeparam name="R">Its raw type: <c>long</c> or <c>string</c>.</typeparam>
internal sealed class ApiEnum<E, R> : ApiScalarCodec<E>
    where R : notnull
{
    private readonly ApiScalarCodec<R> _raw;
    private readonly Func<R, E> _wrap;
    private readonly Func<E, R> _unwrap;
    private readonly R[] _values;
    private readonly string[] _names;
    private readonly string[] _descriptions;

    public ApiEnum(ApiScalarCodec<R> raw, Func<R, E> wrap, Func<E, R> unwrap, R[] values, string[] names, string[] descriptions)
    {
        _raw = raw;
        _wrap = wrap;
        _unwrap = unwrap;
        _values = values;
        _names = names;
        _descriptions = descriptions;
        Known = Array.AsReadOnly(Array.ConvertAll(values, value => wrap(value)));
    }

    public IReadOnlyList<E> Known { get; }

    public string? NameOf(R value) => Array.IndexOf(_values, value) is int index && index >= 0 ? _names[index] : null;

    public string? DescriptionOf(R value) => Array.IndexOf(_values, value) is int index && index >= 0 ? _descriptions[index] : null;

    public override E ReadJson(ref Utf8JsonReader reader, string prefix, string name) => _wrap(_raw.ReadJson(ref reader, prefix, name));

    public override void WriteJson(Utf8JsonWriter writer, E value) => _raw.WriteJson(writer, _unwrap(value));

    public override string Format(E value) => _raw.Format(_unwrap(value));

    public override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, E value) => _raw.WriteForm(pairs, name, _unwrap(value));

    public override E Parse(string text, string name) => _wrap(_raw.Parse(text, name));

    public override string Show(E value) => _raw.Format(_unwrap(value));

    public override MemberValue RuleValue(E value) => _raw.RuleValue(_unwrap(value));
}
