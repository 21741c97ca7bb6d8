using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Emr.Codegen.Runtime;

/// <summary>
/// JSON helpers of the generated converters. Readers are strict: a value is read only as its member's type, a member
/// appears once, nothing follows the document's value; every fault is a JsonException that names the member path.
/// A member path is passed as a prefix and a name and joined only when a fault is reported.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiJson
{
    /// <summary>A value JSON and the form encoding cannot carry (NaN, a lone surrogate); the path grows as it leaves each object.</summary>
    internal sealed class Unwritable : InvalidOperationException
    {
        private readonly string _path;
        private readonly string _problem;

        public Unwritable(string path, string problem)
            : base((path.Length == 0 ? "A value" : path) + ": " + problem)
        {
            _path = path;
            _problem = problem;
        }

        public ApiJson.Unwritable Within(string segment) => new(_path.Length == 0 ? segment : segment + "." + _path, _problem);
    }

    internal static double Finite(double value, string path) =>
        double.IsFinite(value) ? value : throw new ApiJson.Unwritable(path, value.ToString("R", CultureInfo.InvariantCulture) + " is not a finite number; JSON and the API take finite numbers only.");

    /// <summary>The string, if every surrogate in it is half of a pair: UTF-8 (so JSON and the form encoding) has no lone one.</summary>
    internal static string Text(string value, string path)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                throw new ApiJson.Unwritable(path, "the string has a lone surrogate, which is not Unicode text.");
            }
        }

        return value;
    }

    // One buffer and writer per thread, reset after each document: writing calls no user code, so never nests.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private const int KeptBufferBytes = 64 * 1024;

    internal static string Write<T>(T value, ApiCodec<T> codec)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = ApiFormEncoding.MaxDepth });
        try
        {
            codec.WriteJson(writer, value);
            writer.Flush();
            return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > KeptBufferBytes)
            {
                // A huge document once should not pin its buffer for the thread's life.
                t_buffer = buffer = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                buffer.ResetWrittenCount();
            }

            writer.Reset(buffer);
        }
    }

    /// <summary>Reads a document that holds exactly one object.</summary>
    public static T Read<T>(string json, ApiType<T> type)
        where T : class
    {
        byte[] utf8 = RentUtf8(json, out int length);
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(0, length));
            StartDocument(ref reader, type.Name);
            T value = type.ReadObject(ref reader, string.Empty);
            EndDocument(ref reader, type.Name);
            return value;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The text as UTF-8 in a pooled array (return it), for the reader: no copy of the document is left for the collector.</summary>
    private static byte[] RentUtf8(string json, out int length)
    {
        // Up to a megabyte the bound (3 bytes a character) is rented at once; beyond, the exact count saves memory.
        int size = json.Length <= 1 << 20 ? global::System.Text.Encoding.UTF8.GetMaxByteCount(json.Length) : global::System.Text.Encoding.UTF8.GetByteCount(json);
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(size);
        length = global::System.Text.Encoding.UTF8.GetBytes(json, utf8);
        return utf8;
    }

    /// <summary>Reads the API's envelope <c>{"Response": {...}}</c>; other members of the envelope are skipped.</summary>
    public static T ReadEnvelope<T>(string json, ApiType<T> type)
        where T : class
    {
        byte[] utf8 = RentUtf8(json, out int length);
        try
        {
            return ReadEnvelope(utf8.AsSpan(0, length), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The path of the answer inside the envelope, which deviations leave out.</summary>
    internal const string ResponsePrefix = "Response.";

    /// <summary>The name of a response's error member (<c>Response.Error</c>).</summary>
    internal const string ErrorMember = "Error";

    private static T ReadEnvelope<T>(ReadOnlySpan<byte> utf8, ApiType<T> type)
        where T : class
    {
        const string what = "response envelope";
        var reader = new Utf8JsonReader(utf8);
        StartDocument(ref reader, what);
        StartObject(ref reader, string.Empty, what);
        T? result = null;
        string? member = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = GetMemberName(ref reader, string.Empty, what);
                reader.Read();
                if (member == "Response")
                {
                    if (result is not null)
                    {
                        throw Duplicate(string.Empty, member);
                    }

                    var saved = ApiDeviations.Begin();
                    List<ApiDeviation>? deviations;
                    try
                    {
                        result = type.ReadObject(ref reader, ResponsePrefix);
                    }
                    finally
                    {
                        deviations = ApiDeviations.End(saved);
                    }

                    if (deviations != null && result is IApiAnswer answer)
                    {
                        answer.Deviations = deviations;
                    }
                }
                else
                {
                    reader.Skip();
                }

                member = null;
            }
        }
        catch (JsonException exception) when (IsSyntaxError(exception))
        {
            throw Malformed(exception, string.Empty, member, what);
        }

        if (result is null)
        {
            throw new JsonException("The response envelope has no 'Response' member.");
        }

        EndDocument(ref reader, what);
        return result;
    }

    private static void StartDocument(ref Utf8JsonReader reader, string what)
    {
        try
        {
            reader.Read();
        }
        catch (JsonException exception) when (IsSyntaxError(exception))
        {
            throw new JsonException(what + ": the JSON is malformed: " + exception.Message, exception);
        }
    }

    private static void EndDocument(ref Utf8JsonReader reader, string what)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException exception) when (IsSyntaxError(exception))
        {
            throw new JsonException("Unexpected content after the " + what + " value: " + exception.Message, exception);
        }

        if (more)
        {
            throw new JsonException("Unexpected content after the " + what + " value: " + Describe(reader.TokenType) + ".");
        }
    }

    /// <summary>The path of an object read at <c>prefix</c>: its member's path, or its type name at the top.</summary>
    internal static string ObjectPath(string prefix, string typeName) => prefix.Length == 0 ? typeName : prefix.Substring(0, prefix.Length - 1);

    internal static void StartObject(ref Utf8JsonReader reader, string prefix, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(ObjectPath(prefix, typeName) + ": expected an object, found " + Describe(reader.TokenType) + ".");
        }
    }

    /// <summary>Marks a member as read; a second time is an error, since which value counts would be a guess.</summary>
    internal static void FirstTime(ref bool seen, string prefix, string name)
    {
        if (seen)
        {
            throw Duplicate(prefix, name);
        }

        seen = true;
    }

    private static JsonException Duplicate(string prefix, string name) =>
        new JsonException(prefix + name + ": the member appears more than once.");

    /// <summary>Whether the reader itself rejected the text (its exceptions derive from JsonException).</summary>
    internal static bool IsSyntaxError(JsonException exception) => exception.GetType() != typeof(JsonException);

    internal static JsonException Malformed(JsonException exception, string prefix, string? member, string typeName) =>
        new JsonException((member is null ? ObjectPath(prefix, typeName) : prefix + member) + ": the JSON is malformed: " + exception.Message, exception);

    /// <summary>The string at the reader; an escaped lone surrogate (<c>\ud800</c>) is no Unicode text, and a fault like any other.</summary>
    internal static string GetText(ref Utf8JsonReader reader, string prefix, string name)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException(prefix + name + ": the string is not Unicode text.", exception);
        }
    }

    /// <summary>A member name of the object read at <paramref name="prefix"/>.</summary>
    internal static string GetMemberName(ref Utf8JsonReader reader, string prefix, string typeName) =>
        reader.ValueIsEscaped ? GetText(ref reader, ObjectPath(prefix, typeName), " (a member name)") : reader.GetString()!;

    internal static string ReadString(ref Utf8JsonReader reader, string prefix, string name) =>
        reader.TokenType == JsonTokenType.String ? GetText(ref reader, prefix, name) : throw Unexpected(ref reader, prefix, name, "a string");

    // Upstream's examples quote numbers ("ProductId": "4"): a string that holds a number of the member's type is read too.
    internal static long ReadInt64(ref Utf8JsonReader reader, string prefix, string name)
    {
        const string expected = "a whole number from -9223372036854775808 to 9223372036854775807";
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long number) ? number : throw NotWhole(prefix, name, RawNumber(ref reader), expected);
            case JsonTokenType.String:
                string text = GetText(ref reader, prefix, name);
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : throw NotWhole(prefix, name, Quote(text), expected);
            default:
                throw Unexpected(ref reader, prefix, name, expected);
        }
    }

    internal static ulong ReadUInt64(ref Utf8JsonReader reader, string prefix, string name)
    {
        const string expected = "a whole number from 0 to 18446744073709551615";
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetUInt64(out ulong number) ? number : throw NotWhole(prefix, name, RawNumber(ref reader), expected);
            case JsonTokenType.String:
                string text = GetText(ref reader, prefix, name);
                return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong parsed) ? parsed : throw NotWhole(prefix, name, Quote(text), expected);
            default:
                throw Unexpected(ref reader, prefix, name, expected);
        }
    }

    internal static double ReadDouble(ref Utf8JsonReader reader, string prefix, string name)
    {
        const string expected = "a finite number";
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // 1e400 reads as infinity, which the API has no way to take: it does not fit.
                return reader.TryGetDouble(out double number) && !double.IsInfinity(number) ? number : throw NotA(prefix, name, RawNumber(ref reader), expected);
            case JsonTokenType.String:
                string text = GetText(ref reader, prefix, name);
                return ApiFormEncoding.TryParseDouble(text, out double parsed) ? parsed : throw NotA(prefix, name, Quote(text), expected);
            default:
                throw Unexpected(ref reader, prefix, name, expected);
        }
    }

    internal static bool ReadBoolean(ref Utf8JsonReader reader, string prefix, string name)
    {
        const string expected = "true or false";
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                string text = GetText(ref reader, prefix, name);
                return ApiFormEncoding.TryParseBoolean(text, out bool parsed) ? parsed : throw NotA(prefix, name, Quote(text), expected);
            default:
                throw Unexpected(ref reader, prefix, name, expected);
        }
    }

    internal static JsonException Unexpected(ref Utf8JsonReader reader, string prefix, string name, string expected) =>
        new JsonException(prefix + name + ": expected " + expected + ", found " + Describe(reader.TokenType) + ".");

    private static JsonException NotA(string prefix, string name, string shown, string expected) =>
        new JsonException(prefix + name + ": " + shown + " is not " + expected + ".");

    private static JsonException NotWhole(string prefix, string name, string shown, string expected) =>
        new JsonException(prefix + name + ": " + ApiFormEncoding.NotWhole(shown.Trim('"'), shown, expected));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string RawNumber(ref Utf8JsonReader reader) =>
        Shorten(global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()));

    private static string Quote(string text) => "\"" + Shorten(text) + "\"";

    // A fault names the value it refused, but never repeats a long text whole.
    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
