import DossierCore
import Foundation
import Testing

@Suite struct HexDigitsTests {
    @Test func bytesAreTwoLowercaseDigitsEach() {
        #expect([UInt8]().hexDigits == "")
        #expect([0x00, 0x0F, 0xA0, 0xFF].hexDigits == "000fa0ff")
        #expect((0...255).map { UInt8($0) }.hexDigits == (0...255).map { String(format: "%02x", $0) }.joined())
    }
}
