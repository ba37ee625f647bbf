"""Invented Vietnamese party/government news for sites_unseen4 (all persons and figures invented).

Each kind is a function of a Ctx and returns a dict: title, lead, paras, caps (caption texts without
credit), persons ([name, role] as written). Words of lead + paras are kept within 200-350 by the caller."""
from __future__ import annotations

import random

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
            "Lý", "Đinh", "Lương", "Trịnh", "Mai", "Tạ", "Quách", "Hà", "Phan", "Võ", "Cao", "Kiều", "Triệu"]
MID_M = ["Văn", "Minh", "Đức", "Quang", "Hữu", "Công", "Thế", "Bá", "Xuân", "Trọng", "Duy", "Tiến", "Mạnh"]
MID_F = ["Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Bích", "Mỹ"]
GIV_M = ["Hùng", "Lâm", "Tuấn", "Hải", "Phong", "Thắng", "Dũng", "Hòa", "Nam", "Bình", "Khánh", "Lộc",
         "Thịnh", "Trung", "Hưng", "Cường", "Sơn", "Toàn", "Kiên", "Vinh", "Quý", "Tùng", "Đạt", "Long",
         "Chiến", "Nghĩa", "Tâm", "Hiệp", "Quyết", "Thành"]
GIV_F = ["Nga", "Hương", "Lan", "Thủy", "Huyền", "Yến", "Mai", "Hạnh", "Liên", "Phượng", "Trang", "Loan",
         "Duyên", "Hiền", "Nhung", "Oanh"]

REPORTERS = ["Ngọc Lan", "Minh Khôi", "Thu Trang", "Hoàng Anh", "Đức Thịnh", "Phương Nhi", "Quốc Huy",
             "Thanh Tâm", "Hải Yến", "Văn Toản", "Bảo Ngọc", "Trung Kiên", "Mai Chi", "Lê Hưng"]
PHOTOGRAPHERS = ["Tuấn Vũ", "Hồng Nhung", "Khắc Duy", "Minh Tú", "Quang Vinh", "Thảo My"]

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII"]


def vnum(n: int) -> str:
    """4557 -> '4.557'"""
    return f"{n:,}".replace(",", ".")


def vdec(x: float, nd: int = 1) -> str:
    return f"{x:.{nd}f}".replace(".", ",")


class Ctx:
    def __init__(self, prov: str, districts: list[str], rng: random.Random, used: set[str]):
        self.prov = prov
        self.districts = districts
        self.rng = rng
        self.used = used          # names already given on this site
        self.off: dict[str, str] = {}
        self.persons: list[list[str]] = []

    def name(self, female: bool | None = None) -> str:
        r = self.rng
        if female is None:
            female = r.random() < 0.3
        while True:
            n = f"{r.choice(SURNAMES)} {r.choice(MID_F if female else MID_M)} {r.choice(GIV_F if female else GIV_M)}"
            if n not in self.used:
                self.used.add(n)
                return n

    def official(self, key: str) -> str:
        if key not in self.off:
            self.off[key] = self.name()
        return self.off[key]

    def p(self, name: str, role: str) -> str:
        """'Name, role' registered as a person of this article."""
        if [name, role] not in self.persons:
            self.persons.append([name, role])
        return f"{name}, {role}"

    def o(self, key: str, role: str) -> str:
        return self.p(self.official(key), role)

    def d(self, i: int = 0) -> str:
        return self.districts[i % len(self.districts)]

    def ri(self, a: int, b: int) -> int:
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def new(self) -> list[list[str]]:
        self.persons = []
        return self.persons


def k_appoint(c: Ctx, day: str) -> dict:
    c.new()
    dept = c.ch(["Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Giáo dục và Đào tạo",
                 "Sở Y tế", "Sở Xây dựng"])
    new = c.name()
    old_post = c.ch(["Phó Giám đốc phụ trách", "Phó Giám đốc", "Phó Chánh Văn phòng UBND tỉnh"])
    dec = c.ri(1800, 2900)
    a = c.o("pctubnd", "Phó Chủ tịch UBND tỉnh")
    t = c.o("tbtc", "Trưởng Ban Tổ chức Tỉnh ủy")
    title = f"Công bố quyết định bổ nhiệm Giám đốc {dept} tỉnh {c.prov}"
    lead = (f"Chiều {day}, UBND tỉnh {c.prov} tổ chức hội nghị công bố Quyết định số {dec}/QĐ-UBND của Chủ tịch "
            f"UBND tỉnh về việc bổ nhiệm đồng chí {new}, {old_post} {dept}, giữ chức Giám đốc {dept} tỉnh, "
            f"thời hạn giữ chức vụ là 5 năm kể từ ngày ký.")
    c.persons.append([new, f"Giám đốc {dept} tỉnh"])
    paras = [
        f"Dự hội nghị có đồng chí {a}; đồng chí {t}; lãnh đạo Văn phòng UBND tỉnh, Sở Nội vụ cùng tập thể "
        f"lãnh đạo, công chức, viên chức {dept}.",
        f"Tại hội nghị, lãnh đạo Sở Nội vụ đã công bố quyết định và tóm tắt quá trình công tác của đồng chí {new}. "
        f"Đồng chí sinh năm {c.ri(1972, 1982)}, trình độ thạc sĩ, cao cấp lý luận chính trị, đã kinh qua nhiều vị trí "
        f"công tác tại cơ sở và cấp tỉnh, có {c.ri(18, 26)} năm công tác trong ngành.",
        f"Phát biểu giao nhiệm vụ, đồng chí {c.official('pctubnd')} chúc mừng đồng chí {new} được tín nhiệm bổ nhiệm, "
        f"đề nghị tân Giám đốc cùng tập thể lãnh đạo sở phát huy tinh thần đoàn kết, đổi mới phương thức quản lý, "
        f"đẩy mạnh cải cách hành chính, chuyển đổi số và tham mưu kịp thời cho Tỉnh ủy, UBND tỉnh các giải pháp "
        f"hoàn thành các chỉ tiêu kinh tế - xã hội năm 2024.",
        f"Nhận nhiệm vụ mới, đồng chí {new} cảm ơn sự quan tâm của Ban Thường vụ Tỉnh ủy, Ban cán sự đảng UBND tỉnh "
        f"và hứa sẽ cùng tập thể cán bộ, công chức, người lao động của sở nỗ lực, trách nhiệm, giữ gìn phẩm chất "
        f"đạo đức, hoàn thành tốt nhiệm vụ được giao.",
        f"Cùng ngày, Chủ tịch UBND tỉnh cũng ký quyết định điều động, bổ nhiệm {c.ri(2, 4)} cán bộ giữ chức vụ "
        f"Phó Giám đốc các sở, ngành nhằm kiện toàn đội ngũ cán bộ lãnh đạo, quản lý theo quy hoạch đã được "
        f"phê duyệt.",
    ]
    caps = [f"Đồng chí {c.official('pctubnd')}, Phó Chủ tịch UBND tỉnh trao quyết định và tặng hoa chúc mừng "
            f"đồng chí {new}."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_congress(c: Ctx, day: str) -> dict:
    c.new()
    dist = c.d(1)
    n = c.ri(18, 22)
    delegates = c.ri(220, 300)
    members = c.ri(4200, 9800)
    bt = c.o("bt", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy")
    new_bt = c.name()
    title = f"Đại hội đại biểu Đảng bộ huyện {dist} lần thứ {ROMAN[n]}, nhiệm kỳ 2025 - 2030"
    lead = (f"Ngày {day}, Đảng bộ huyện {dist} long trọng tổ chức Đại hội đại biểu lần thứ {ROMAN[n]}, nhiệm kỳ "
            f"2025 - 2030. Đây là đại hội điểm cấp huyện của tỉnh {c.prov}, với {delegates} đại biểu đại diện cho "
            f"hơn {vnum(members)} đảng viên trong toàn Đảng bộ.")
    paras = [
        f"Dự và chỉ đạo đại hội có đồng chí {bt}; đồng chí {c.o('tbtc', 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy')}.",
        f"Nhiệm kỳ 2020 - 2025, Đảng bộ huyện {dist} đã lãnh đạo hoàn thành và hoàn thành vượt {c.ri(17, 22)}/{c.ri(23, 25)} "
        f"chỉ tiêu nghị quyết đề ra. Tốc độ tăng trưởng giá trị sản xuất bình quân đạt {vdec(c.ri(85, 121) / 10)}%/năm; "
        f"thu nhập bình quân đầu người đạt {c.ri(58, 79)} triệu đồng; tỷ lệ hộ nghèo giảm còn {vdec(c.ri(12, 39) / 10)}%. "
        f"Toàn Đảng bộ kết nạp được {c.ri(640, 990)} đảng viên mới.",
        f"Phát biểu chỉ đạo, đồng chí {c.official('bt')} đề nghị Đảng bộ huyện tập trung xây dựng Đảng bộ trong sạch, vững mạnh, "
        f"phát huy tiềm năng đất đai, nguồn nhân lực, phát triển nông nghiệp hàng hóa gắn với du lịch sinh thái, "
        f"chú trọng công tác cán bộ, nhất là cán bộ trẻ, cán bộ nữ.",
        f"Đại hội đã bầu Ban Chấp hành Đảng bộ huyện khóa mới gồm {c.ri(37, 45)} đồng chí; bầu Ban Thường vụ gồm "
        f"{c.ri(11, 13)} đồng chí. Đồng chí {new_bt} được bầu giữ chức Bí thư Huyện ủy {dist} nhiệm kỳ 2025 - 2030.",
        f"Đại hội cũng bầu {c.ri(7, 11)} đại biểu chính thức, 1 đại biểu dự khuyết đi dự Đại hội đại biểu Đảng bộ tỉnh "
        f"{c.prov} lần thứ {ROMAN[c.ri(18, 21)]} và thông qua Nghị quyết đại hội với ba khâu đột phá.",
    ]
    c.persons.append([new_bt, f"Bí thư Huyện ủy {dist}"])
    caps = [f"Đồng chí {c.official('bt')}, Bí thư Tỉnh ủy tặng hoa chúc mừng Ban Chấp hành Đảng bộ huyện {dist} khóa mới."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_admission(c: Ctx, day: str) -> dict:
    c.new()
    dist = c.d(2)
    total = c.ri(180, 420)
    young = c.ri(60, 140)
    title = f"Đảng bộ huyện {dist} kết nạp {total} đảng viên mới trong 9 tháng năm 2024"
    lead = (f"Theo Ban Tổ chức Huyện ủy {dist}, tỉnh {c.prov}, từ đầu năm đến ngày {day}, toàn Đảng bộ huyện đã kết nạp "
            f"{total} đảng viên mới, đạt {c.ri(102, 131)}% chỉ tiêu năm, trong đó có {young} đảng viên là đoàn viên "
            f"thanh niên và {c.ri(8, 25)} đảng viên là người có đạo.")
    bthu = c.p(c.name(), f"Bí thư Huyện ủy {dist}")
    tbtc = c.p(c.name(True), f"Trưởng Ban Tổ chức Huyện ủy {dist}")
    paras = [
        f"Để đạt kết quả trên, Ban Thường vụ Huyện ủy đã chỉ đạo các chi bộ, đảng bộ cơ sở rà soát, lập danh sách "
        f"quần chúng ưu tú, phân công đảng viên chính thức giúp đỡ; chú trọng phát triển đảng viên trong doanh nghiệp "
        f"ngoài nhà nước, ở các thôn, bản chưa có chi bộ độc lập.",
        f"Đồng chí {tbtc} cho biết, toàn huyện hiện còn {c.ri(2, 6)} thôn chưa có đảng viên. Ban Tổ chức Huyện ủy đã "
        f"tham mưu giao chỉ tiêu cụ thể cho từng đảng bộ xã, thị trấn và định kỳ hằng quý kiểm tra tiến độ.",
        f"Cùng với phát triển đảng viên, Đảng bộ huyện đã trao Huy hiệu Đảng cho {c.ri(90, 160)} đảng viên, xem xét "
        f"đưa ra khỏi Đảng {c.ri(2, 7)} trường hợp không còn đủ tư cách; tỷ lệ đảng viên được đánh giá hoàn thành tốt "
        f"nhiệm vụ trở lên đạt {c.ri(87, 93)}%.",
        f"Theo đồng chí {bthu}, thời gian tới huyện tiếp tục nâng cao chất lượng sinh hoạt chi bộ, quan tâm bồi dưỡng lý "
        f"luận chính trị cho quần chúng ưu tú, phấn đấu cả năm kết nạp trên {total + c.ri(40, 90)} đảng viên, "
        f"không để thôn, tổ dân phố nào không có đảng viên.",
    ]
    caps = [f"Đồng chí {bthu} trao quyết định kết nạp đảng viên cho các quần chúng ưu tú tại Chi bộ thôn "
            f"{c.ch(['Đồng Tâm', 'Tân Tiến', 'Bình Minh', 'Hợp Thành'])}."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_budget(c: Ctx, day: str) -> dict:
    c.new()
    rev = c.ri(3800, 9200)
    dom = rev - c.ri(300, 900)
    spend = c.ri(6100, 12800)
    pct = c.ri(62, 81)
    gd = c.o("gdstc", "Giám đốc Sở Tài chính")
    ct = c.o("ctubnd", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh")
    title = f"Thu ngân sách 9 tháng của tỉnh {c.prov} ước đạt {vnum(rev)} tỷ đồng"
    lead = (f"Theo báo cáo của Sở Tài chính tỉnh {c.prov} công bố ngày {day}, tổng thu ngân sách nhà nước trên địa bàn "
            f"9 tháng năm 2024 ước đạt {vnum(rev)} tỷ đồng, bằng {pct}% dự toán Hội đồng nhân dân tỉnh giao, tăng "
            f"{vdec(c.ri(41, 129) / 10)}% so với cùng kỳ năm trước.")
    paras = [
        f"Trong đó, thu nội địa ước đạt {vnum(dom)} tỷ đồng; thu tiền sử dụng đất đạt {vnum(c.ri(700, 1900))} tỷ đồng; "
        f"thu từ hoạt động xuất nhập khẩu đạt {c.ri(90, 480)} tỷ đồng. Các khoản thu từ khu vực doanh nghiệp ngoài "
        f"quốc doanh, thuế thu nhập cá nhân và phí, lệ phí đều tăng khá.",
        f"Tổng chi ngân sách địa phương ước thực hiện {vnum(spend)} tỷ đồng, đáp ứng các nhiệm vụ chi thường xuyên, chi "
        f"an sinh xã hội và phòng, chống thiên tai. Giải ngân vốn đầu tư công đạt {vdec(c.ri(520, 710) / 10)}% kế "
        f"hoạch vốn, cao hơn bình quân chung cả nước.",
        f"Đồng chí {gd} cho biết, những tháng cuối năm Sở sẽ phối hợp với Cục Thuế tỉnh rà soát, khai thác các nguồn "
        f"thu còn dư địa, xử lý nợ đọng thuế, đẩy nhanh đấu giá quyền sử dụng đất tại các dự án đã đủ điều kiện.",
        f"Kết luận cuộc họp, đồng chí {ct} yêu cầu các sở, ngành, địa phương triệt để tiết kiệm chi thường xuyên, "
        f"tập trung tháo gỡ vướng mắc về mặt bằng, không để tồn đọng vốn, phấn đấu thu ngân sách cả năm vượt "
        f"{c.ri(5, 12)}% dự toán.",
    ]
    caps = [f"Đồng chí {c.official('ctubnd')}, Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tình hình thu, chi ngân sách."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_hdnd(c: Ctx, day: str) -> dict:
    c.new()
    n = c.ri(19, 27)
    nq = c.ri(14, 31)
    ch = c.o("cthdnd", "Chủ tịch HĐND tỉnh")
    bt = c.o("bt", "Bí thư Tỉnh ủy")
    title = f"Kỳ họp thứ {n} HĐND tỉnh {c.prov} khóa XVII thông qua {nq} nghị quyết"
    lead = (f"Sau {c.ch(['hai', 'ba'])} ngày làm việc khẩn trương, chiều {day}, Kỳ họp thứ {n} Hội đồng nhân dân tỉnh "
            f"{c.prov} khóa XVII, nhiệm kỳ 2021 - 2026 đã bế mạc, thông qua {nq} nghị quyết quan trọng về kinh tế - xã "
            f"hội, ngân sách và đầu tư công.")
    paras = [
        f"Dự phiên bế mạc có đồng chí {bt}; đồng chí {c.o('ctubnd', 'Chủ tịch UBND tỉnh')}; cùng các đại biểu HĐND tỉnh.",
        f"Các nghị quyết được thông qua gồm điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025 với tổng vốn "
        f"{vnum(c.ri(11000, 24000))} tỷ đồng; quy định mức hỗ trợ cho người hoạt động không chuyên trách ở cấp xã; "
        f"chính sách hỗ trợ phát triển hợp tác xã và sản phẩm OCOP giai đoạn 2025 - 2030.",
        f"Tại phiên chất vấn, {c.ri(6, 12)} lượt đại biểu đã đặt câu hỏi đối với Giám đốc các sở Tài nguyên và Môi trường, "
        f"Nông nghiệp và Phát triển nông thôn về tiến độ cấp giấy chứng nhận quyền sử dụng đất, công tác khắc phục "
        f"hậu quả mưa lũ và quản lý khai thác khoáng sản.",
        f"Bế mạc kỳ họp, đồng chí {c.official('cthdnd')} đề nghị UBND tỉnh, các sở, ngành sớm triển khai các nghị quyết "
        f"vừa được thông qua; các đại biểu HĐND tăng cường giám sát, tiếp xúc cử tri, phản ánh kịp thời tâm tư, "
        f"nguyện vọng của Nhân dân.",
        f"Cũng tại kỳ họp, HĐND tỉnh đã tiến hành miễn nhiệm và bầu bổ sung chức danh Ủy viên UBND tỉnh đối với "
        f"{c.ri(2, 3)} đồng chí theo quy định.",
    ]
    caps = [f"Đồng chí {ch} phát biểu bế mạc kỳ họp."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_inspect(c: Ctx, day: str) -> dict:
    c.new()
    dist = c.d(3)
    cn = c.o("cnubkt", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")
    title = f"Ủy ban Kiểm tra Tỉnh ủy {c.prov} công bố quyết định kiểm tra Ban Thường vụ Huyện ủy {dist}"
    lead = (f"Ngày {day}, Đoàn kiểm tra của Ủy ban Kiểm tra Tỉnh ủy {c.prov} đã công bố quyết định kiểm tra việc thực hiện "
            f"nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng đối với Ban Thường vụ Huyện ủy {dist} "
            f"từ tháng 1/2022 đến tháng 6/2024.")
    bname = c.name()
    bthu = c.p(bname, f"Bí thư Huyện ủy {dist}")
    paras = [
        f"Đồng chí {cn} chủ trì hội nghị. Dự hội nghị có đồng chí {bthu}; các đồng chí trong Ban Thường vụ, "
        f"Ủy ban Kiểm tra Huyện ủy.",
        f"Theo quyết định, nội dung kiểm tra tập trung vào việc lãnh đạo, chỉ đạo thực hiện chương trình kiểm tra, giám "
        f"sát; việc giải quyết đơn thư tố cáo, khiếu nại kỷ luật đảng; việc kê khai tài sản, thu nhập của cán bộ thuộc "
        f"diện Ban Thường vụ Huyện ủy quản lý. Thời gian kiểm tra là {c.ri(30, 45)} ngày.",
        f"Phát biểu tại hội nghị, đồng chí {c.official('cnubkt')} đề nghị Ban Thường vụ Huyện ủy {dist} chuẩn bị báo cáo "
        f"đầy đủ, trung thực, khách quan; phối hợp chặt chẽ để đoàn kiểm tra hoàn thành nhiệm vụ đúng tiến độ. "
        f"Qua kiểm tra nhằm đánh giá ưu điểm, chỉ ra hạn chế để kịp thời khắc phục.",
        f"Thay mặt Ban Thường vụ Huyện ủy, đồng chí {bname} "
        f"tiếp thu ý kiến chỉ đạo và khẳng định sẽ chỉ đạo các cơ quan liên quan cung cấp đầy đủ hồ sơ, tài liệu "
        f"theo yêu cầu của đoàn.",
        f"Từ đầu nhiệm kỳ đến nay, Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra {c.ri(14, 29)} tổ chức đảng, thi hành kỷ luật "
        f"{c.ri(9, 26)} đảng viên, trong đó có {c.ri(2, 8)} đảng viên diện Ban Thường vụ Tỉnh ủy quản lý.",
    ]
    caps = [f"Đồng chí {c.official('cnubkt')}, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy phát biểu tại hội nghị công bố quyết định kiểm tra."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_badge(c: Ctx, day: str) -> dict:
    c.new()
    n70 = c.ri(2, 6)
    n50 = c.ri(18, 48)
    pbt = c.o("pbt", "Phó Bí thư Thường trực Tỉnh ủy")
    old = c.name()
    title = f"Tỉnh ủy {c.prov} trao Huy hiệu Đảng đợt 2/9 cho {n70 + n50} đảng viên lão thành"
    lead = (f"Nhân dịp kỷ niệm 79 năm Cách mạng tháng Tám và Quốc khánh 2/9, ngày {day}, Tỉnh ủy {c.prov} tổ chức lễ trao "
            f"Huy hiệu 70 năm tuổi Đảng cho {n70} đảng viên và Huy hiệu 50 năm tuổi Đảng cho {n50} đảng viên thuộc "
            f"Đảng bộ thành phố và các huyện.")
    paras = [
        f"Tới dự và trao Huy hiệu có đồng chí {pbt}; đồng chí {c.o('tbtc', 'Trưởng Ban Tổ chức Tỉnh ủy')}; lãnh đạo các "
        f"ban xây dựng Đảng của Tỉnh ủy.",
        f"Phát biểu tại buổi lễ, đồng chí {c.official('pbt')} chúc mừng các đảng viên được nhận Huy hiệu Đảng, khẳng định "
        f"qua nhiều thời kỳ, các đồng chí luôn giữ vững bản lĩnh chính trị, phẩm chất đạo đức, góp phần vào thắng lợi "
        f"của sự nghiệp giải phóng dân tộc và xây dựng quê hương {c.prov} ngày càng giàu đẹp.",
        f"Thay mặt các đảng viên được nhận Huy hiệu, đồng chí {c.p(old, 'nguyên Phó Chủ tịch UBND tỉnh')} bày tỏ xúc động, "
        f"tự hào và hứa sẽ tiếp tục giữ gìn phẩm chất người đảng viên, tích cực tham gia sinh hoạt chi bộ nơi cư trú, "
        f"là tấm gương cho con cháu noi theo.",
        f"Năm 2024, toàn Đảng bộ tỉnh {c.prov} có {vnum(c.ri(1900, 3400))} đảng viên được xét tặng Huy hiệu Đảng các loại, "
        f"trong đó có {c.ri(11, 40)} đảng viên nhận Huy hiệu 75 năm tuổi Đảng. Các cấp ủy đã tổ chức trao Huy hiệu "
        f"trang trọng, chu đáo vào các ngày lễ lớn của đất nước.",
    ]
    caps = [f"Đồng chí {c.official('pbt')}, Phó Bí thư Thường trực Tỉnh ủy trao Huy hiệu 70 năm tuổi Đảng cho các đảng viên."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_plenum(c: Ctx, day: str) -> dict:
    c.new()
    n = c.ri(17, 24)
    bt = c.o("bt", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy")
    title = f"Hội nghị lần thứ {n} Ban Chấp hành Đảng bộ tỉnh {c.prov} khóa XX"
    lead = (f"Ngày {day}, Ban Chấp hành Đảng bộ tỉnh {c.prov} khóa XX tổ chức Hội nghị lần thứ {n} để đánh giá tình hình "
            f"thực hiện nhiệm vụ 9 tháng, cho ý kiến vào dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ tỉnh "
            f"lần thứ XXI và một số nội dung quan trọng khác.")
    paras = [
        f"Đồng chí {bt} chủ trì hội nghị. Cùng dự có đồng chí {c.o('pbt', 'Phó Bí thư Thường trực Tỉnh ủy')}; "
        f"đồng chí {c.o('ctubnd', 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh')}.",
        f"Theo báo cáo, 9 tháng năm 2024, tổng sản phẩm trên địa bàn tỉnh (GRDP) ước tăng {vdec(c.ri(62, 98) / 10)}%; "
        f"giá trị sản xuất công nghiệp tăng {vdec(c.ri(81, 142) / 10)}%; tổng vốn đầu tư toàn xã hội đạt "
        f"{vnum(c.ri(21000, 46000))} tỷ đồng. Công tác xây dựng Đảng và hệ thống chính trị tiếp tục được chú trọng; "
        f"toàn tỉnh kết nạp {vnum(c.ri(1500, 2600))} đảng viên mới.",
        f"Hội nghị đã thảo luận, cho ý kiến vào dự thảo Báo cáo chính trị, trong đó đề xuất mục tiêu tăng trưởng "
        f"GRDP bình quân giai đoạn 2025 - 2030 đạt {vdec(c.ri(80, 100) / 10)}%/năm và ba khâu đột phá về hạ tầng, "
        f"nguồn nhân lực, cải cách thủ tục hành chính.",
        f"Kết luận hội nghị, đồng chí {c.official('bt')} yêu cầu các cấp ủy, tổ chức đảng tập trung chuẩn bị chu đáo đại "
        f"hội đảng bộ các cấp, làm tốt công tác nhân sự, kiên quyết không để lọt vào cấp ủy những người không "
        f"xứng đáng, đồng thời phấn đấu hoàn thành cao nhất các chỉ tiêu năm 2024.",
    ]
    caps = [f"Đồng chí {c.official('bt')}, Bí thư Tỉnh ủy phát biểu kết luận hội nghị."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_visit(c: Ctx, day: str) -> dict:
    c.new()
    dist = c.d(0)
    bt = c.o("bt", "Bí thư Tỉnh ủy")
    title = f"Bí thư Tỉnh ủy {c.prov} làm việc với Ban Thường vụ Huyện ủy {dist}"
    lead = (f"Ngày {day}, đồng chí {bt} cùng đoàn công tác của Tỉnh ủy {c.prov} đã làm việc với Ban Thường vụ Huyện ủy "
            f"{dist} về tình hình thực hiện nhiệm vụ chính trị 9 tháng và công tác chuẩn bị đại hội đảng bộ các cấp.")
    bthu = c.p(c.name(), f"Bí thư Huyện ủy {dist}")
    ctd = c.p(c.name(), f"Chủ tịch UBND huyện {dist}")
    paras = [
        f"Báo cáo với đoàn, đồng chí {bthu} cho biết, 9 tháng năm 2024, tổng giá trị sản xuất của huyện ước đạt "
        f"{vnum(c.ri(5200, 9800))} tỷ đồng, tăng {vdec(c.ri(65, 112) / 10)}% so với cùng kỳ; toàn huyện có "
        f"{c.ri(14, 21)}/{c.ri(21, 24)} xã đạt chuẩn nông thôn mới.",
        f"Đồng chí {ctd} kiến nghị tỉnh quan tâm bố trí vốn nâng cấp tuyến đường tỉnh lộ {c.ri(250, 299)}, hỗ trợ xây "
        f"dựng khu tái định cư cho các hộ dân vùng sạt lở và sớm phê duyệt quy hoạch phân khu cụm công nghiệp.",
        f"Phát biểu kết luận, đồng chí {c.official('bt')} ghi nhận những kết quả huyện đạt được, đề nghị Ban Thường vụ Huyện "
        f"ủy tập trung chỉ đạo hoàn thành các chỉ tiêu năm, đẩy nhanh giải phóng mặt bằng các dự án trọng điểm, "
        f"chuẩn bị tốt nhân sự đại hội, bảo đảm dân chủ, khách quan, đúng quy trình.",
        f"Đối với các kiến nghị của huyện, Bí thư Tỉnh ủy giao Ban cán sự đảng UBND tỉnh chỉ đạo các sở, ngành liên quan "
        f"nghiên cứu, xem xét giải quyết theo thẩm quyền trong quý IV năm 2024.",
    ]
    caps = [f"Đồng chí {c.official('bt')}, Bí thư Tỉnh ủy và đoàn công tác thăm mô hình trồng cây ăn quả tại xã "
            f"{c.ch(['Tân Lập', 'Đồng Phú', 'Hòa Bình', 'Quảng Tiến'])}, huyện {dist}."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_danvan(c: Ctx, day: str) -> dict:
    c.new()
    models = c.ri(320, 780)
    tb = c.o("tbdv", "Trưởng Ban Dân vận Tỉnh ủy")
    title = f"Tỉnh {c.prov} biểu dương {c.ri(40, 90)} điển hình \"Dân vận khéo\" giai đoạn 2020 - 2024"
    lead = (f"Sáng {day}, Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh {c.prov} tổ chức hội nghị tổng kết giai "
            f"đoạn 2020 - 2024. Toàn tỉnh đã xây dựng và nhân rộng {models} mô hình \"Dân vận khéo\" trên các lĩnh vực "
            f"kinh tế, văn hóa - xã hội, quốc phòng - an ninh và xây dựng hệ thống chính trị.")
    paras = [
        f"Dự hội nghị có đồng chí {c.o('pbt', 'Phó Bí thư Thường trực Tỉnh ủy')}; đồng chí {tb}; đại diện lãnh đạo Ban "
        f"Dân vận Trung ương.",
        f"Theo báo cáo, nhiều mô hình đã mang lại hiệu quả thiết thực như hiến đất mở rộng đường giao thông nông thôn "
        f"với tổng diện tích hơn {vnum(c.ri(120, 480))} nghìn mét vuông, mô hình \"Tổ tự quản an ninh trật tự\", "
        f"\"Ngôi nhà đại đoàn kết\" giúp {vnum(c.ri(900, 2400))} hộ nghèo có nhà ở ổn định.",
        f"Đồng chí {c.official('tbdv')} nhấn mạnh, phong trào đã góp phần tăng cường mối quan hệ mật thiết giữa Đảng với "
        f"Nhân dân, tạo đồng thuận xã hội để thực hiện các nhiệm vụ chính trị của địa phương. Tuy vậy, một số nơi còn "
        f"làm hình thức, chưa đánh giá đúng thực chất hiệu quả mô hình.",
        f"Dịp này, Ban Thường vụ Tỉnh ủy tặng Bằng khen cho {c.ri(20, 45)} tập thể, {c.ri(25, 60)} cá nhân có thành tích "
        f"xuất sắc trong phong trào thi đua \"Dân vận khéo\". Bà {c.p(c.name(True), 'Chi hội trưởng Chi hội Phụ nữ thôn Đông')} "
        f"đã chia sẻ kinh nghiệm vận động hội viên tham gia tổ hợp tác chăn nuôi.",
    ]
    caps = [f"Đồng chí {c.official('pbt')}, Phó Bí thư Thường trực Tỉnh ủy trao Bằng khen cho các tập thể tiêu biểu."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_elect(c: Ctx, day: str) -> dict:
    c.new()
    new = c.name()
    votes = c.ri(44, 52)
    tot = votes + c.ri(0, 3)
    ch = c.o("cthdnd", "Chủ tịch HĐND tỉnh")
    title = f"Đồng chí {new} được bầu giữ chức Phó Chủ tịch UBND tỉnh {c.prov}"
    lead = (f"Tại kỳ họp chuyên đề diễn ra ngày {day}, Hội đồng nhân dân tỉnh {c.prov} khóa XVII đã tiến hành bầu bổ sung "
            f"chức danh Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026. Đồng chí {new} trúng cử với {votes}/{tot} đại "
            f"biểu có mặt tán thành.")
    prev = c.ch(["Giám đốc Sở Kế hoạch và Đầu tư", "Bí thư Thành ủy", "Chánh Văn phòng Tỉnh ủy"])
    c.persons.append([new, "Phó Chủ tịch UBND tỉnh"])
    paras = [
        f"Trước khi được bầu, đồng chí {new} là Tỉnh ủy viên, {prev}. Đồng chí sinh năm {c.ri(1973, 1981)}, quê quán xã "
        f"{c.ch(['Yên Lạc', 'Phú Thịnh', 'Quảng Lợi', 'Đông Hưng'])}, trình độ tiến sĩ kinh tế, cao cấp lý luận chính trị.",
        f"Kỳ họp cũng đã thông qua nghị quyết miễn nhiệm chức danh Ủy viên UBND tỉnh đối với đồng chí "
        f"{c.p(c.name(), 'Giám đốc Công an tỉnh')} do điều động nhận nhiệm vụ mới, và xác nhận kết quả bầu "
        f"{c.ri(2, 3)} Ủy viên UBND tỉnh.",
        f"Phát biểu tại kỳ họp, đồng chí {ch} chúc mừng đồng chí {new}, đề nghị đồng chí tiếp tục phát huy năng lực, "
        f"kinh nghiệm, cùng tập thể UBND tỉnh điều hành quyết liệt, linh hoạt để hoàn thành các chỉ tiêu kinh tế - "
        f"xã hội đã đề ra, nhất là giải ngân vốn đầu tư công và thu ngân sách.",
        f"Nhận nhiệm vụ, đồng chí {new} cảm ơn sự tín nhiệm của các đại biểu HĐND tỉnh, khẳng định sẽ không ngừng học "
        f"tập, rèn luyện, giữ gìn đoàn kết nội bộ, lắng nghe ý kiến cử tri và Nhân dân để hoàn thành tốt nhiệm vụ.",
    ]
    caps = [f"Đồng chí {c.official('cthdnd')}, Chủ tịch HĐND tỉnh tặng hoa chúc mừng đồng chí {new}, Phó Chủ tịch UBND tỉnh."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_farmers(c: Ctx, day: str) -> dict:
    c.new()
    n = c.ri(8, 12)
    chair = c.name()
    title = f"Đại hội đại biểu Hội Nông dân tỉnh {c.prov} lần thứ {ROMAN[n]}, nhiệm kỳ 2024 - 2029"
    lead = (f"Ngày {day}, Hội Nông dân tỉnh {c.prov} tổ chức Đại hội đại biểu lần thứ {ROMAN[n]}, nhiệm kỳ "
            f"2024 - 2029 với sự tham dự của {c.ri(260, 330)} đại biểu, đại diện cho hơn {vnum(c.ri(95000, 180000))} "
            f"hội viên nông dân trong toàn tỉnh.")
    paras = [
        f"Dự đại hội có đồng chí {c.o('pbt', 'Phó Bí thư Thường trực Tỉnh ủy')}; đồng chí "
        f"{c.p(c.name(), 'Phó Chủ tịch Trung ương Hội Nông dân Việt Nam')}.",
        f"Nhiệm kỳ qua, các cấp hội đã vận động hội viên đóng góp hơn {c.ri(120, 380)} tỷ đồng và hàng nghìn ngày công "
        f"xây dựng nông thôn mới; số hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp hằng năm đạt trên "
        f"{c.ri(52, 66)}% tổng số hộ. Quỹ Hỗ trợ nông dân các cấp đạt {c.ri(38, 95)} tỷ đồng.",
        f"Phát biểu chỉ đạo, đồng chí {c.official('pbt')} đề nghị các cấp hội đổi mới nội dung, phương thức hoạt động, "
        f"hướng về cơ sở, hỗ trợ nông dân ứng dụng khoa học kỹ thuật, liên kết sản xuất theo chuỗi giá trị, xây dựng "
        f"thương hiệu nông sản đặc trưng của tỉnh.",
        f"Đại hội đã hiệp thương cử Ban Chấp hành khóa mới gồm {c.ri(31, 39)} ủy viên. Đồng chí {chair} tái đắc cử "
        f"Chủ tịch Hội Nông dân tỉnh nhiệm kỳ 2024 - 2029.",
    ]
    c.persons.append([chair, "Chủ tịch Hội Nông dân tỉnh"])
    caps = [f"Đồng chí {c.official('pbt')}, Phó Bí thư Thường trực Tỉnh ủy tặng hoa chúc mừng Ban Chấp hành Hội Nông dân tỉnh khóa mới."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


def k_retire(c: Ctx, day: str) -> dict:
    c.new()
    old = c.name()
    new = c.name()
    dist = c.d(1)
    title = f"Ban Thường vụ Tỉnh ủy {c.prov} điều động, chỉ định Bí thư Huyện ủy {dist}"
    lead = (f"Chiều {day}, Ban Thường vụ Tỉnh ủy {c.prov} tổ chức hội nghị công bố quyết định điều động đồng chí {new}, "
            f"Tỉnh ủy viên, Phó Trưởng Ban Tổ chức Tỉnh ủy, đến nhận công tác tại Huyện ủy {dist}, chỉ định tham gia "
            f"Ban Chấp hành, Ban Thường vụ và giữ chức Bí thư Huyện ủy nhiệm kỳ 2020 - 2025.")
    c.persons.append([new, f"Bí thư Huyện ủy {dist}"])
    paras = [
        f"Cũng tại hội nghị, Ban Thường vụ Tỉnh ủy công bố quyết định cho đồng chí {c.p(old, f'nguyên Bí thư Huyện ủy {dist}')} "
        f"nghỉ hưu theo chế độ từ ngày 1/10/2024.",
        f"Trao quyết định, đồng chí {c.o('tbtc', 'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy')} ghi nhận những "
        f"đóng góp của đồng chí {old} trong hơn {c.ri(32, 38)} năm công tác, trong đó có {c.ri(6, 9)} năm giữ cương vị "
        f"người đứng đầu cấp ủy huyện, đã cùng tập thể lãnh đạo đưa {dist} trở thành huyện đạt chuẩn nông thôn mới.",
        f"Đồng chí đề nghị tân Bí thư Huyện ủy nhanh chóng nắm bắt tình hình, phát huy trí tuệ tập thể, giữ vững đoàn "
        f"kết nội bộ, lãnh đạo hoàn thành các chỉ tiêu nghị quyết đại hội nhiệm kỳ và chuẩn bị tốt Đại hội đại biểu "
        f"Đảng bộ huyện lần thứ tiếp theo.",
        f"Phát biểu nhận nhiệm vụ, đồng chí {new} cảm ơn sự tin tưởng của Ban Thường vụ Tỉnh ủy, mong nhận được sự "
        f"ủng hộ của tập thể Ban Chấp hành Đảng bộ huyện và Nhân dân các dân tộc trong huyện để hoàn thành tốt "
        f"nhiệm vụ được giao.",
    ]
    caps = [f"Đồng chí {c.official('tbtc')}, Trưởng Ban Tổ chức Tỉnh ủy trao quyết định cho đồng chí {new}."]
    return dict(title=title, lead=lead, paras=paras, caps=caps, persons=list(c.persons))


KINDS = [k_appoint, k_congress, k_admission, k_budget, k_hdnd, k_inspect, k_badge, k_plenum, k_visit,
         k_danvan, k_elect, k_farmers, k_retire]
