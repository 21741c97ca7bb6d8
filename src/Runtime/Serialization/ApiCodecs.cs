using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Runtime;

/// <summary>The codecs of the API's scalar types, and of generated types.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiCodecs
{
    /// <summary>The codec of strings.</summary>
    public static readonly ApiScalarCodec<string> String = new StringCodec();
    /// <summary>The codec of integers.</summary>
    public static readonly ApiScalarCodec<long> Int64 = new Int64Codec();
    /// <summary>The codec of unsigned integers.</summary>
    public static readonly ApiScalarCodec<ulong> UInt64 = new UInt64Codec();
    /// <summary>The codec of floating-point numbers.</summary>
    public static readonly ApiScalarCodec<double> Double = new DoubleCodec();
    /// <summary>The codec of booleans.</summary>
    public static readonly ApiScalarCodec<bool> Boolean = new BooleanCodec();

    [ThreadStatic]
    internal static int ShowDepth;

    /// <summary>The codec of a generated type, looked up when first used, so types that refer to each other initialize in any order.</summary>
    public static ApiCodec<V> Of<V>() where V : IApiValue<V> => Deferred<V>.Instance;

    private sealed class Deferred<V> : ApiCodec<V>
        where V : IApiValue<V>
    {
        public static readonly Deferred<V> Instance = new Deferred<V>();

        internal override V ReadJson(ref Utf8JsonReader reader, string prefix, string name) => V.EmrCodec.ReadJson(ref reader, prefix, name);

        internal override V ReadRoot(ref Utf8JsonReader reader) => V.EmrCodec.ReadRoot(ref reader);

        internal override void WriteJson(Utf8JsonWriter writer, V value) => V.EmrCodec.WriteJson(writer, value);

        internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, V value) => V.EmrCodec.WriteForm(pairs, name, value);

        internal override bool TryReadForm(ApiFormEncoding.Values values, string name, out V value) => V.EmrCodec.TryReadForm(values, name, out value);

        internal override V ReadFormItem(ApiFormEncoding.Values values, string name) => V.EmrCodec.ReadFormItem(values, name);

        internal override string Show(V value) => V.EmrCodec.Show(value);

        internal override MemberValue RuleValue(V value) => V.EmrCodec.RuleValue(value);
    }

    private sealed class StringCodec : ApiScalarCodec<string>
    {
        internal override string ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ApiJson.ReadString(ref reader, prefix, name);

        internal override void WriteJson(Utf8JsonWriter writer, string value) => writer.WriteStringValue(ApiJson.Text(value, string.Empty));

        internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, string value) => base.WriteForm(pairs, name, ApiJson.Text(value, name));

        internal override string Format(string value) => value;

        internal override string Parse(string text, string name) => text;

        // Escaped as in diagnostics, so a logged ToString() stays one line and shows every character that is there; not cut.
        internal override string Show(string value) => SpecValue.Literal(value, int.MaxValue);

        internal override MemberValue RuleValue(string value) => MemberValue.From(value);
    }

    private sealed class Int64Codec : ApiScalarCodec<long>
    {
        internal override long ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ApiJson.ReadInt64(ref reader, prefix, name);

        internal override void WriteJson(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

        internal override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        internal override long Parse(string text, string name) => ApiFormEncoding.ParseInt64(text, name);

        internal override string Show(long value) => Format(value);

        internal override MemberValue RuleValue(long value) => MemberValue.From(value);
    }

    private sealed class UInt64Codec : ApiScalarCodec<ulong>
    {
        internal override ulong ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ApiJson.ReadUInt64(ref reader, prefix, name);

        internal override void WriteJson(Utf8JsonWriter writer, ulong value) => writer.WriteNumberValue(value);

        internal override string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

        internal override ulong Parse(string text, string name) => ApiFormEncoding.ParseUInt64(text, name);

        internal override string Show(ulong value) => Format(value);

        internal override MemberValue RuleValue(ulong value) => MemberValue.From(value);
    }

    private sealed class DoubleCodec : ApiScalarCodec<double>
    {
        internal override double ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ApiJson.ReadDouble(ref reader, prefix, name);

        internal override void WriteJson(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(ApiJson.Finite(value, string.Empty));

        internal override string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        internal override void WriteForm(List<KeyValuePair<string, string>> pairs, string name, double value) => base.WriteForm(pairs, name, ApiJson.Finite(value, name));

        internal override double Parse(string text, string name) => ApiFormEncoding.ParseDouble(text, name);

        internal override string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        internal override MemberValue RuleValue(double value) => MemberValue.From(value);
    }

    private sealed class BooleanCodec : ApiScalarCodec<bool>
    {
        internal override bool ReadJson(ref Utf8JsonReader reader, string prefix, string name) => ApiJson.ReadBoolean(ref reader, prefix, name);

        internal override void WriteJson(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

        internal override string Format(bool value) => value ? "true" : "false";

        internal override bool Parse(string text, string name) => ApiFormEncoding.ParseBoolean(text, name);

        internal override string Show(bool value) => value.ToString();

        internal override MemberValue RuleValue(bool value) => MemberValue.From(value);
    }
}
