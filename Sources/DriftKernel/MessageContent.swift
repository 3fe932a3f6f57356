// MessageContent: the content of the messages the kernel reads and writes, as Codable types with
// Jupyter's field names (messaging protocol 5.3). Optional request fields default as the spec says.

/// `{}`: empty metadata, no user expressions, no comms.
struct EmptyObject: Codable, Sendable {}

/// A MIME type → content map: `text/plain`, `text/html`, `image/svg+xml`, `text/markdown`.
typealias MIMEData = [String: String]

// MARK: Requests

struct ExecuteRequest: Decodable {
    var code: String
    var silent: Bool
    var storeHistory: Bool
    var stopOnError: Bool

    enum CodingKeys: String, CodingKey {
        case code, silent, storeHistory = "store_history", stopOnError = "stop_on_error"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        silent = try container.decodeIfPresent(Bool.self, forKey: .silent) ?? false
        storeHistory = try container.decodeIfPresent(Bool.self, forKey: .storeHistory) ?? !silent
        stopOnError = try container.decodeIfPresent(Bool.self, forKey: .stopOnError) ?? true
    }
}

/// `complete_request` and `inspect_request`: code and a cursor in Unicode code points.
struct CursorRequest: Decodable {
    var code: String
    var cursorPosition: Int?

    enum CodingKeys: String, CodingKey {
        case code, cursorPosition = "cursor_pos"
    }
}

struct CodeRequest: Decodable {
    var code: String
}

struct HistoryRequest: Decodable {
    var output: Bool?
    var accessType: String
    var start: Int?
    var stop: Int?
    var count: Int?
    var pattern: String?
    var unique: Bool?

    enum CodingKeys: String, CodingKey {
        case output, start, stop, pattern, unique, accessType = "hist_access_type", count = "n"
    }
}

struct ShutdownRequest: Codable {
    var restart: Bool
}

// MARK: Replies and broadcasts

struct StatusReply: Encodable {
    var status = "ok"
}

struct KernelStatus: Encodable {
    var executionState: String

    enum CodingKeys: String, CodingKey { case executionState = "execution_state" }
}

struct HelpLink: Encodable {
    var text: String
    var url: String
}

struct KernelInfoReply: Encodable {
    var status = "ok"
    var protocolVersion = MessageHeader.protocolVersion
    var implementation = "drift"
    var implementationVersion: String
    var languageInfo: [String: String]
    var banner: String
    var helpLinks: [HelpLink]
    var debugger = false

    enum CodingKeys: String, CodingKey {
        case status, implementation, banner, debugger, protocolVersion = "protocol_version"
        case implementationVersion = "implementation_version", languageInfo = "language_info", helpLinks = "help_links"
    }
}

struct ExecuteInput: Encodable {
    var code: String
    var executionCount: Int

    enum CodingKeys: String, CodingKey { case code, executionCount = "execution_count" }
}

struct StreamOutput: Encodable {
    var name = "stdout"
    var text: String
}

/// `display_data`, and `execute_result` when it has an execution count.
struct DisplayOutput: Encodable {
    var executionCount: Int?
    var data: MIMEData
    var metadata = EmptyObject()

    enum CodingKeys: String, CodingKey { case data, metadata, executionCount = "execution_count" }
}

/// An `error` broadcast, and the error fields of an `execute_reply` (with `status` and the count).
struct ErrorOutput: Encodable {
    var status: String?
    var executionCount: Int?
    var ename: String
    var evalue: String
    var traceback: [String]

    enum CodingKeys: String, CodingKey { case status, ename, evalue, traceback, executionCount = "execution_count" }
}

struct ExecuteReply: Encodable {
    var status: String
    var executionCount: Int
    var payload: [EmptyObject] = []
    var userExpressions = EmptyObject()

    enum CodingKeys: String, CodingKey {
        case status, payload, executionCount = "execution_count", userExpressions = "user_expressions"
    }
}

struct CompleteReply: Encodable {
    var status = "ok"
    var matches: [String]
    var cursorStart: Int
    var cursorEnd: Int
    var metadata = EmptyObject()

    enum CodingKeys: String, CodingKey { case status, matches, metadata, cursorStart = "cursor_start", cursorEnd = "cursor_end" }
}

struct InspectReply: Encodable {
    var status = "ok"
    var found: Bool
    var data: MIMEData
    var metadata = EmptyObject()
}

struct IsCompleteReply: Encodable {
    var status: String
    var indent: String?
}

struct HistoryReply: Encodable {
    var status = "ok"
    var history: [HistoryEntry]
}

struct CommInfoReply: Encodable {
    var status = "ok"
    var comms = EmptyObject()
}

struct ShutdownReply: Encodable {
    var status = "ok"
    var restart: Bool
}
