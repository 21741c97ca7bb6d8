using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Emr.Codegen.Runtime;

/// <summary>Reads and writes a generated type without reflection, so trimming and AOT keep working.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiJsonConverter<V> : JsonConverter<V>
    where V : IApiValue<V>
{
    /// <inheritdoc/>
    public override V Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => V.EmrCodec.ReadRoot(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, V value, JsonSerializerOptions options) => V.EmrCodec.WriteJson(writer, value);

    /// <summary>The type info of <typeparamref name="V"/> over this converter, for a resolver.</summary>
    /// <param name="options">The serializer options.</param>
    /// <returns>The type info.</returns>
    public static JsonTypeInfo<V> Info(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<V>(options, new ApiJsonConverter<V>());
}
