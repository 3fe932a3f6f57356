// KernelLogo: the logo `drift kernel install` writes beside kernel.json — two distributions, the
// reference (white) and the current one shifted right (orange), on the Okabe–Ito blue. JupyterLab shows
// logo-svg.svg; other front ends the PNGs, rendered from the same SVG with `rsvg-convert -w N -h N`.
import Foundation

enum KernelLogo {
    static let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0072B2"/><path d="M6 50 C16 50 18 16 26 16 S36 50 46 50" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"/><path d="M18 50 C28 50 30 24 38 24 S48 50 58 50" fill="none" stroke="#E69F00" stroke-width="4" stroke-linecap="round"/></svg>"##

    static let png32 = """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAABmJLR0QA/wD/AP+gvaeTAAAEjUlEQVRYhcWXbVBUVRjHf+ey111g
        WdBgeZEowEne1FSKnEKRohlBFCszNXUcTYdJ07Jmmqaapg/GlA2KNiE5U/ku+VKa9aEmTXQkC1idwhlzXV9YLAYWdxFZ9u30AVnb
        IME3eD7d+z/Puf/fec4959wr6I7l32lRvUuRzEHIDCCUuxvtSPE7ityGS1PB+vxOAAHAqweGI+RBYMxdNu09hDThU6ZSWmgVXSP3
        /DJg5v+GcKmPKajepQNuDiDFw2jcLykg5w64eXcIMVcB0gYNADIUQD+IAHrNrWSvyE5i5cREJLD2yDnKqix3TNBvgBXZSawtSvff
        ryvKALhjCKU/ScPDdXxQkIKUMGtLDbO31iIllBSkEmfQ3XuAVTnJBKtBVJ5spNLUyM46K1+dbCRYDWJVTvK9BdBqFOaNjwfgw0Nn
        /Xr39bxxRt6J3UJdygLqUhbwVsxmVOHpN0Cf78D0jBgiQ4dw6rKD2ga7X69psGOy2nngz8UUR+7268uidpOg/kVxwxtIKfoE6LMC
        L47rGv1n1Rd7tP16dAPO87vxaCIoMK+h0PwRdq+eaRFHmRlxqE/zPgHCtBryRkbhk5I9py4HtKnCw/i2MgDCs9Zj9qVRc20kbzcu
        AeD16O39moqbAkxLj0anUag6Z+OywxnQNnvYD8RqmnCFpmMYMYepadEA7LsyidPOB4lXm3hh6I93BvDs6DiAHqMXQrLkvv0AHJSL
        QCg8dz3Xh6D071kALIn8BiHk7QEYdBqmpBp7LX+uvoYkrZUGt5HVp1Px+iT5qUbCdSoA37dN4KIrmmStlcn62tsDmDEqFp1G4bC5
        hcb/lH9R5LcAfNGSj9XhpspiQ6tRmJbeNQ1eqbDZNgWAxZEHbg+ge+1XmhoD9BTtBSaF1tHh07KjNQ+AXSYrAPMz4/1522xP0+7T
        kaOvJVV3/tYAMmLCyB0RSVunh511gQAvG/cghGRHax6tnjAAttdacTg9PPVQFKNjDQDYvXoqW58EoDhq360BrJyYhBDw+YlL2J1u
        vz4m+CwzIn7GJVU2Nhf5dYfTw5e/XQLglexEv76xuQiXVHkm4jBjgm/sojcFGB1rYMEj9+P1yYCTThUeVseVoyCpaJ7OJZcxoN+6
        Ixa8Psn8zHhGXa/CRVc0Fc3TUZCsjivvdV8IAEiPCWPvwkw0imDDMQvmlnYA4tRmNiWUMDbkDA1uI2VNM3s8yNzSzifHzqMGKexb
        mEladNf0lDXNpMFtZGzIGTYllBCnNgf0E7y2XwJULXucJxKHAVB9oZXcT4/T4fbydfKbPBpSD0CLJ5xZlvepdybSW4QMCeKn4glk
        JQwF4KjFRvaGY6QHn2NX4rsMC3IAcOJaGkXmkp4VsNqdlFVZyNtYTYfb69dtXgN7r+RQYF7zv+YA11xe8sqrKauyYLXfWLp/dCSR
        f/Zj9l7JweY19KhAG4P3XehQgPpBMgeoVxBsHTR7KbcpuDQVCGkacHMhTYR3Viisz+/Ep0wdUIjun9P3nnd1rYLSQithnVlIuRyo
        Bq7eA9urCI4j5XLCOrMoLbQC/AMH+6uGZwn5aQAAAABJRU5ErkJggg==
        """

    static let png64 = """
        iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAABmJLR0QA/wD/AP+gvaeTAAAKk0lEQVR4nOWbeXxU1RXHv+/NTPZ9
        h4QQFpFqiSBlE0VRoBUkCQICgv0UatSPWFEo0VYB0X5spTWgH+UDgsZG2qIUbRJkMUpUoqjwqYBCDEswC4EJSSZ7JpmZ9/pHmpnc
        WTKTBaPh998575x7zz333vPOPfc9ic6wIicerZqMqs5CkhJQiQP8O9XpezQiUYaqfo/KHiQ1i/SUUlfCklPu4zmxoK5F4reA5kpZ
        +gNBAWk3ijmNTXO+t3/o6IBVOSmo6ltAwA9g3A+JelCXkJ6c3ZEpCyKrslagqrvpf4MHCATpPVbmPNqRaVsBbTO/G3un9D8ooM5p
        XwltDkjbG4fZXED/nHlnqEerjmRDcnnbbFvMz3L1DB4gELO0HkBiRU48GrWIn3607yosaLUJMhpSuPoGD6DBbEmWQb2zry3pO6gz
        ZWB4X5vRZ5AYJgMxfW1Hn0ElVubqiv72COjvSY9baK9k49NGRJI2dRjjBoWgAkdLa9iQd44PT1++kt12CRIrs9Ur0fCKW4aSnnwd
        siSet1QVns09zfoPClGvSM9dwxVZAc/88lrWzRjh9JkkYX32zIHCK9F9l9DrMeCWoWE8Pe0at3Jrpl/D7cMjerv7LqNXHaDTyGQs
        HI1Gti37S/UtjN90iAkvHeJSfYutY0li6/xEdJq+jcO92vuy8YMYFm6rmCmqyuId/+VIaQ1fldRwT+ZRLIpt4w+P8GfpuEG9aUKX
        0WsO0Glknp4u7vstnxdz8GyllT5UVM1rXxQLMmtmjOjTVdBrPc9NHEBcsI+VbjZZeP6jMw5yz+WeoanVYqXjgn2YM6rvktFeews8
        fFOCQL/+ZQkXao0OchfrjLzxVQmP3DzEyls+OYFdxy8wN/hjZofkk+hzFiSJE03Dya69mXdrb0VVnddve4peyQN+Fh3AqbSpVlpV
        4fq/5lGgb3Apf3L1VNpTBKX5EvvfupMxXsecyn/WMIrlpb+nwhzaU1Md0CtbYMnYOIHOO1fpcvAABfoGPj7XFhuU1hqqc10PHmBy
        wDfsHLqWUG19b5groMcOkCRYNCZW4GUeLXOrl3m0DFQFw8EUTNWuB9+Okd7FbIv/CzK9mz722AGTBocxJMzPSje1Wnj3xEW3ertP
        XMTwTTqtlz4R+AfrxzKhcDsTCrdzsH6s8Owm/2+4P1wo6/cYPXbAvBsGCHTOKT31LWa3ev6KnqZjawWe3ncyS4uforQ1itLWKJYW
        P8WhhhsEmSdidhCtre6p2Vb0yAGSBHePEh2w63i5R7pp0f9AVppthniHE3HbDswdXkwmVcujZSsxmAOtPF+5hdUx/+yJ2QJ65IBx
        g0IYHOprpZtaLez/rsKt3hCvcuaHHBR4gWOfJy46gV/EhQh8vSmUP+t/LfAWhHxIgpf7beYJeuSAuYni7L9foKexQ5LjCg9HvotG
        Uqy0NuQ6/IYvc9omwM7qaZxusaXMGklheeTu7potoFcdsNuD4BetMzA/NE/gBdywBuS2pX/P6IEOOmY0bKxYKPDmh+YRpTV01WQH
        dNsBY2KDhYOP0aywt8D98r8vdB9ekslKl5pikGLvttJDwvwYExvsoLendjLnW23O8ZJM3Be+v7vmW9FtByywm6kD31W4jf46ycyS
        8AMCb+vlJA6cFqO6fdsAFlVme+VsgXdf2H50kvs3TmfolgMkydHIncfcR/+k4Hxh2TYovuyquZ237XQXjYlFcpL67zLcTp1iyzmi
        tAZmB+d30XoR3XLAxMGhJNglP3tO6d3qLQvfI9A7DdOot/iRffKSEDzjQ32ZEO+Y9zcovuyqvkPgPRDRs8SoWw6wn/2cU3oa3Cz/
        sX6FjPE7baUVJDIqZwHQ2Gphb4HoQGfbAOCNqlkoHT5rSPQ9y1i/7tcWu+wAWZKYlyga9/axC271Hoj4j0B/XH+jENTst8GC0QOF
        0lo7zrcOJM8uRbZvuyvosgOmDA0jtkPho85oZp+b6D/Iq4I7g78QeFsrUwR6b4EYRAcE+XDLkDCn7W2rTBLomUGHGex1ySP77dFl
        B9w/cbBAZ528hNGsuJBuQ2pEFlpse7zAOJj8xkRBptlkIetbcRD2fbXj04bRnGweaqU1ksLSiPc9st8eXXJAuL+XQ/Lz5lcuP8ED
        IEhuYmHohwJva+UcpxWev9sdo+clDiAywMtpu9uqxFVwb+gHBMlNndriDF1yQOqEeHy0NpUzlY3knavsRANSI7MIkG2HHr05jPdq
        pjiV/ejMZc5UNlppb63MsvHxTmXfq7mVi2bbvUKA3ExqRJZH4+gIjx3gq9Pw2JShAu+1w8WdXm+Faep40C5AvVF5FybVeSlSVWGb
        XdX48SlD8dU5fsBiUjVkVM4UeA9EZBGmqetsGA7w2AGpE+OJDvS20nVGM9u/LOlU548DMoXZr7YEkVE1q1Od7V+UUGe0BcPoQG9S
        JzpfBRlVd3HZbDs9Bmqa+ENMZqft28MjB4T7e7HGrub/6mfnqWk2udCAif4nWRSSK/A26RfQoPi60GiDodnE5s+/F3jrZlxLVIC3
        g2yj4sMrl+cJvHtDc5nof7LTPjrCIwe8lPJzIvxtwaihxcymT8+7lI/SGng1/kUkybY/zrbEkVn9K4+M2vhJkZBYhfnpSE++3qns
        m1UzKTTaVogkqWyJ30CMrsqjvtw6YPXUYSy+USx6rt1fSEVDi1P5KK2BHQnrGaC1BUcFiVUXfkerqvPIqIqGFtbZ3RwvvjGWVbcN
        c5A1qVrSypcL2WGU1kDm4Oc8Oi5rmLToGWcPIgO8WDdjBOtmXCscTL6+UEvqO8dR7IJfoKaJlJBDbI7/G8O8xczw5Yp7eMcg5vDu
        cKS0hqTrY4gJsi39aSMi8NNpOH6xTrhdKjdFopMswtKP0hlICsmnxhJIiSnapfMdLkbuui6arfMTGRjk4yBc1djK5Fc+o7DCVvOf
        HniEDXGvuixU5taNZ2nxU8IMeYqRUQHkPzKZcH/HXKC8zsiDu05YD2EyKhkJf2J64BGnbenNYaSVLSe3fpzAd9gCW+Y5H7zRrJCS
        cUQYPMALsZtdDn5f7SQeLE3r1uABvqtoICXjiNNMc2CQD1vm2bJJBYmHStLYVzvJaVvR2mpeiN3swPcoCJbVGpm25TD55z0rRzcr
        3qTrF5Ja8iRGxXkm5ynyz1czfcthp/eMzvpNLXmSdP1CmhXHt4YzOMSA05cbuW14OADHy+vY9GkRv/nX15yrcp5mFrXEclPAt2hQ
        KGqJ5R3DHTxcuprc+vGo3Zx5e5TUNLP1cDE1RhPBPjqCfLRUNbXy0L9PcPpyoyCrIvF54yh2GqajIBOkacRfNlJtCeaJC8spahUD
        usTK7Hqu3m8F62RQPbvJ6J8ol0Eq6msr+hBFMqravYN0v4C6R0ZSswD31zn9D2a0uhz5/z8VvtnX1vQBXmfDzLK2PECV1gG9//nF
        jxd1KKb10J4IbZx9AYkFXB1bQUGVlrBp7kXomAm+mLQPpJVA5xXOnzYUJB5j4+ycdoZjqrYyKwmkHUCgw7OfNuqAxaQnCddTjmeB
        9ORsTNphwMtAz24efxxQUHkLxTTSfvDg6u/xdqTtjcNs+f/v8wwB4vjxp80NQBlQhMr76LTZbJjp8rO1/wEov59nm8umfgAAAABJ
        RU5ErkJggg==
        """

    /// File name → contents.
    static var files: [(String, Data)] {
        [
            ("logo-svg.svg", Data(svg.utf8)),
            ("logo-32x32.png", Data(base64Encoded: png32, options: .ignoreUnknownCharacters) ?? Data()),
            ("logo-64x64.png", Data(base64Encoded: png64, options: .ignoreUnknownCharacters) ?? Data()),
        ]
    }
}
