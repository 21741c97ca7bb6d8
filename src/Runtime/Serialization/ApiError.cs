using System.Text.Json;

namespace Emr.Codegen.Runtime;

/// <summary>The error form of a response: <c>{"Error": {"Code": ..., "Message": ...}}</c>.</summary>
/// <typeparam name="TCode">The spec's error-code type.</typeparam>
public sealed class ApiError<TCode>
    where TCode : struct, IApiErrorCode<TCode>
{
    /// <summary>The error code; unknown codes are kept as they are.</summary>
    public TCode Code { get; set; }

    /// <summary>The server's message.</summary>
    public string? Message { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Code.Code + ": " + Message;

    internal static ApiError<TCode> ReadValue(ref Utf8JsonReader reader, string prefix)
    {
        ApiJson.StartObject(ref reader, prefix, "Error");
        var error = new ApiError<TCode>();
        bool seenCode = false;
        bool seenMessage = false;
        string? member = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = ApiJson.GetMemberName(ref reader, prefix, "Error");
                reader.Read();
                switch (member)
                {
                    case "Code":
                        ApiJson.FirstTime(ref seenCode, prefix, "Code");
                        error.Code = TCode.FromCode(ApiJson.ReadString(ref reader, prefix, "Code"));
                        break;
                    case "Message":
                        ApiJson.FirstTime(ref seenMessage, prefix, "Message");
                        error.Message = reader.TokenType == JsonTokenType.Null ? null : ApiJson.ReadString(ref reader, prefix, "Message");
                        break;
                    default:
                        reader.Skip();
                        break;
                }

                member = null;
            }
        }
        catch (JsonException exception) when (ApiJson.IsSyntaxError(exception))
        {
            throw ApiJson.Malformed(exception, prefix, member, "Error");
        }

        return error;
    }

    internal static void WriteValue(Utf8JsonWriter writer, ApiError<TCode> value)
    {
        writer.WriteStartObject();
        writer.WriteString("Code", ApiJson.Text(value.Code.Code, "Error.Code"));
        if (value.Message is not null)
        {
            writer.WriteString("Message", ApiJson.Text(value.Message, "Error.Message"));
        }

        writer.WriteEndObject();
    }
}
