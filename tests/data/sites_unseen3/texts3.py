"""Invented Vietnamese party/government news for the sites_unseen3 fixtures (no real persons or places
intended). Each template takes a context and returns a dict: title, lead, paragraphs, captions (text
without the credit), persons [(name, role)]."""
from __future__ import annotations

import random

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Trịnh", "Lò", "Hà", "Sầm", "Lục", "Mai", "Tạ", "Quách", "Lương", "Triệu"]
MID_M = ["Văn", "Đức", "Quang", "Minh", "Hữu", "Xuân", "Thanh", "Công", "Ngọc", "Trọng", "Đình", "Mạnh"]
MID_F = ["Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Thúy", "Kim"]
GIV_M = ["Hùng", "Dũng", "Thắng", "Khải", "Tuấn", "Nam", "Sơn", "Hải", "Long", "Phong", "Trung", "Hiếu",
         "Thịnh", "Lâm", "Cường", "Kiên", "Vinh", "Bình", "Quyết", "Toàn", "Khánh", "Lộc", "Tùng", "Định"]
GIV_F = ["Lan", "Hương", "Hà", "Mai", "Hạnh", "Thủy", "Nga", "Dung", "Yến", "Thảo", "Hằng", "Liên", "Huyền",
         "Oanh", "Loan", "Nhung"]
REPORTERS = ["Minh Đức", "Thu Hà", "Quang Vinh", "Hồng Nhung", "Trọng Nghĩa", "Bảo Ngọc", "Khánh Linh",
             "Văn Toàn", "Phương Thảo", "Hải Đăng", "Ngọc Ánh", "Duy Khánh", "Thanh Tâm", "Lê Hoa", "Tuấn Anh",
             "Mỹ Hạnh", "Đức Thọ", "Vân Anh"]
SOURCES = ["Báo {P}", "Đài Phát thanh và Truyền hình {P}", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng UBND tỉnh",
           "Trung tâm Truyền thông tỉnh"]
DEPTS = ["Nội vụ", "Tài chính", "Tư pháp", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Công Thương",
         "Kế hoạch và Đầu tư", "Nông nghiệp và Phát triển nông thôn", "Văn hóa, Thể thao và Du lịch"]
ROMAN = ["XV", "XVI", "XVII", "XVIII"]


def num(x: int) -> str:
    return f"{x:,}".replace(",", ".")


class Ctx:
    def __init__(self, rng: random.Random, province: str, districts: list[str], villages: list[str], date):
        self.r = rng
        self.P = province
        self.D = rng.choice(districts)
        self.D2 = rng.choice([d for d in districts if d != self.D])
        self.V = rng.choice(villages)
        self.date = date
        self.dm = f"{date.day}/{date.month}"
        self.used: set[str] = set()

    def name(self, female: bool | None = None) -> str:
        r = self.r
        while True:
            f = r.random() < 0.35 if female is None else female
            n = f"{r.choice(SURNAMES)} {r.choice(MID_F if f else MID_M)} {r.choice(GIV_F if f else GIV_M)}"
            if n not in self.used:
                self.used.add(n)
                return n

    def n(self, a: int, b: int) -> int:
        return self.r.randint(a, b)

    def pct(self, a: float, b: float) -> str:
        return f"{self.r.uniform(a, b):.1f}".replace(".", ",")

    def part(self) -> str:
        return self.r.choice(["Sáng", "Chiều", "Sáng", "Sáng nay"])


def t_appoint(c: Ctx):
    a, b, d, e = c.name(), c.name(), c.name(), c.name()
    dept = c.r.choice(DEPTS)
    q = c.n(1100, 1990)
    yrs = c.n(22, 31)
    return dict(
        title=f"Công bố quyết định bổ nhiệm Giám đốc Sở {dept} tỉnh {c.P}",
        lead=f"{c.part()} {c.dm}, Ban Thường vụ Tỉnh ủy {c.P} tổ chức hội nghị công bố quyết định về công tác cán bộ. "
             f"Đồng chí {a}, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị; đồng chí {b}, "
             f"Phó Chủ tịch UBND tỉnh dự và trao quyết định.",
        paragraphs=[
            f"Tại hội nghị, đại diện lãnh đạo Sở Nội vụ công bố Quyết định số {q}/QĐ-UBND của Chủ tịch UBND tỉnh về việc "
            f"bổ nhiệm đồng chí {d}, Phó Giám đốc Sở {dept}, giữ chức Giám đốc Sở {dept} tỉnh {c.P}, thời hạn giữ chức "
            f"vụ là 5 năm kể từ ngày ký quyết định.",
            f"Đồng chí {d} sinh năm 19{c.n(72, 82)}, có trình độ thạc sĩ, cao cấp lý luận chính trị, có {yrs} năm công tác "
            f"trong ngành. Trước khi được bổ nhiệm, đồng chí đã kinh qua nhiều vị trí như Trưởng phòng Kế hoạch tổng hợp, "
            f"Chánh Văn phòng Sở và Phó Giám đốc Sở từ năm 20{c.n(15, 19)}.",
            f"Phát biểu giao nhiệm vụ, đồng chí {b} đề nghị tân Giám đốc Sở phát huy tinh thần đoàn kết, cùng tập thể "
            f"lãnh đạo Sở tập trung hoàn thành các chỉ tiêu năm 2024, đẩy mạnh cải cách hành chính, chuyển đổi số và "
            f"nâng cao chất lượng tham mưu cho Tỉnh ủy, UBND tỉnh trong lĩnh vực được giao.",
            f"Thay mặt cán bộ, công chức của Sở, đồng chí {e}, Bí thư Chi bộ Văn phòng Sở chúc mừng đồng chí {d} và "
            f"khẳng định tập thể đơn vị sẽ đoàn kết, thống nhất, thực hiện tốt nhiệm vụ chính trị được giao.",
            f"Nhận nhiệm vụ mới, đồng chí {d} cảm ơn sự tin tưởng của Ban Thường vụ Tỉnh ủy, UBND tỉnh và hứa sẽ "
            f"cùng tập thể lãnh đạo Sở nỗ lực, không ngừng học hỏi, hoàn thành tốt trách nhiệm được giao.",
        ],
        captions=[f"Đồng chí {b}, Phó Chủ tịch UBND tỉnh trao quyết định và tặng hoa chúc mừng đồng chí {d}"],
        persons=[(a, "Trưởng Ban Tổ chức Tỉnh ủy"), (b, "Phó Chủ tịch UBND tỉnh"), (d, f"Giám đốc Sở {dept}"),
                 (e, "Bí thư Chi bộ Văn phòng Sở")],
    )


def t_congress(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    k = c.r.choice(["XX", "XXI", "XXII", "XXIII", "XIX"])
    dv = c.n(120, 260)
    mem = c.n(2100, 5400)
    bch = c.n(33, 45)
    return dict(
        title=f"Đại hội đại biểu Đảng bộ huyện {c.D} lần thứ {k}, nhiệm kỳ 2025 - 2030",
        lead=f"Trong hai ngày {c.date.day - 1 if c.date.day > 1 else c.date.day} và {c.dm}, Đảng bộ huyện {c.D} tổ chức Đại hội đại biểu lần thứ {k}, "
             f"nhiệm kỳ 2025 - 2030. Dự đại hội có đồng chí {a}, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy {c.P} "
             f"cùng {dv} đại biểu thay mặt cho hơn {num(mem)} đảng viên trong toàn Đảng bộ.",
        paragraphs=[
            f"Nhiệm kỳ 2020 - 2025, tốc độ tăng trưởng kinh tế bình quân của huyện đạt {c.pct(7, 10)}%/năm; thu nhập "
            f"bình quân đầu người đạt {c.n(52, 78)} triệu đồng, tăng {c.n(18, 30)} triệu đồng so với đầu nhiệm kỳ. "
            f"Tỷ lệ hộ nghèo giảm còn {c.pct(1.5, 6)}%, có {c.n(8, 15)} xã đạt chuẩn nông thôn mới.",
            f"Công tác xây dựng Đảng được chú trọng, trong nhiệm kỳ toàn Đảng bộ kết nạp được {c.n(600, 1100)} đảng viên "
            f"mới; hằng năm có trên {c.n(85, 93)}% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
            f"Phát biểu chỉ đạo đại hội, đồng chí {a} đề nghị Đảng bộ huyện {c.D} tiếp tục đổi mới phương thức lãnh đạo, "
            f"khai thác tốt tiềm năng đất đai, du lịch sinh thái, chú trọng đào tạo, bồi dưỡng đội ngũ cán bộ cơ sở.",
            f"Đại hội đã bầu Ban Chấp hành Đảng bộ huyện khóa {k} gồm {bch} đồng chí. Tại phiên họp thứ nhất, Ban Chấp "
            f"hành đã bầu đồng chí {b} giữ chức Bí thư Huyện ủy {c.D}; đồng chí {d} giữ chức Phó Bí thư Thường trực "
            f"Huyện ủy nhiệm kỳ 2025 - 2030.",
        ],
        captions=[f"Đồng chí {a}, Bí thư Tỉnh ủy phát biểu chỉ đạo đại hội",
                  f"Ban Chấp hành Đảng bộ huyện {c.D} khóa {k} ra mắt đại hội"],
        persons=[(a, f"Bí thư Tỉnh ủy {c.P}"), (b, f"Bí thư Huyện ủy {c.D}"),
                 (d, "Phó Bí thư Thường trực Huyện ủy")],
    )


def t_admission(c: Ctx):
    a, b, d = c.name(), c.name(), c.name(female=True)
    n = c.n(12, 46)
    return dict(
        title=f"Huyện {c.D} kết nạp {n} đảng viên là đoàn viên thanh niên ưu tú",
        lead=f"Ngày {c.dm}, Ban Thường vụ Huyện ủy {c.D} tổ chức lễ kết nạp đảng viên cho {n} quần chúng ưu tú là "
             f"đoàn viên thanh niên đang công tác, học tập trên địa bàn. Đồng chí {a}, Bí thư Huyện ủy dự và "
             f"phát biểu giao nhiệm vụ.",
        paragraphs=[
            f"Các quần chúng được kết nạp đều có độ tuổi từ 18 đến 30, trong đó có {c.n(3, 9)} người là người dân tộc "
            f"thiểu số, {c.n(4, 10)} người là giáo viên, số còn lại là đoàn viên tại các thôn và doanh nghiệp.",
            f"Tại buổi lễ, các đồng chí đảng viên mới đã đọc lời tuyên thệ trước cờ Đảng, hứa tuyệt đối trung thành với "
            f"mục đích, lý tưởng của Đảng, chấp hành nghiêm Cương lĩnh chính trị, Điều lệ Đảng.",
            f"Phát biểu tại buổi lễ, đồng chí {a} đề nghị các đảng viên mới không ngừng học tập, rèn luyện, nêu cao tinh "
            f"thần tiên phong, gương mẫu, tích cực tham gia sinh hoạt chi bộ và hoàn thành tốt nhiệm vụ được giao.",
            f"Theo đồng chí {b}, Trưởng Ban Tổ chức Huyện ủy {c.D}, từ đầu năm đến nay toàn Đảng bộ huyện đã kết nạp "
            f"{n + c.n(40, 90)} đảng viên, đạt {c.n(70, 96)}% chỉ tiêu năm; {c.n(6, 14)} thôn đã có chi bộ sinh hoạt độc lập.",
            f"Đảng viên trẻ {d}, giáo viên Trường Tiểu học xã {c.V}, chia sẻ sẽ luôn cố gắng để xứng đáng với niềm tin "
            f"của chi bộ và nhân dân nơi công tác.",
        ],
        captions=[f"Các đảng viên mới tuyên thệ dưới cờ Đảng tại buổi lễ kết nạp"],
        persons=[(a, f"Bí thư Huyện ủy {c.D}"), (b, f"Trưởng Ban Tổ chức Huyện ủy {c.D}")],
    )


def t_badge(c: Ctx):
    a, b, d, e = c.name(), c.name(), c.name(), c.name()
    y = c.r.choice([45, 50, 55, 60, 65, 70])
    n = c.n(9, 48)
    return dict(
        title=f"Trao Huy hiệu {y} năm tuổi Đảng cho {n} đảng viên Đảng bộ thành phố",
        lead=f"Nhân dịp kỷ niệm ngày Quốc khánh, {c.part().lower()} {c.dm}, đồng chí {a}, Phó Bí thư Thường trực Tỉnh ủy {c.P} "
             f"đã dự lễ trao Huy hiệu {y} năm tuổi Đảng cho {n} đảng viên thuộc Đảng bộ thành phố.",
        paragraphs=[
            f"Trong số các đảng viên được trao Huy hiệu đợt này có đồng chí {b}, nguyên Phó Chủ tịch UBND tỉnh, "
            f"và đồng chí {d}, nguyên Bí thư Đảng ủy phường {c.V}, đều là những người đã tham gia kháng chiến và "
            f"có nhiều đóng góp trong công cuộc xây dựng quê hương.",
            f"Phát biểu chúc mừng, đồng chí {a} ghi nhận những cống hiến của các đảng viên lão thành, mong các đồng chí "
            f"tiếp tục giữ gìn phẩm chất của người đảng viên, là tấm gương sáng để thế hệ trẻ noi theo.",
            f"Thay mặt các đảng viên được nhận Huy hiệu, đồng chí {b} bày tỏ niềm vinh dự, tự hào và hứa sẽ tiếp tục "
            f"tham gia sinh hoạt chi bộ đầy đủ, đóng góp ý kiến xây dựng Đảng bộ, chính quyền địa phương.",
            f"Theo Ban Tổ chức Thành ủy, năm 2024 toàn Đảng bộ thành phố có {n + c.n(80, 160)} đảng viên được xét tặng "
            f"Huy hiệu Đảng, trong đó có {c.n(2, 7)} đồng chí nhận Huy hiệu 75 năm tuổi Đảng. Đồng chí {e}, Bí thư "
            f"Thành ủy, cho biết lễ trao sẽ được tổ chức trang trọng tại các chi bộ.",
        ],
        captions=[f"Đồng chí {a}, Phó Bí thư Thường trực Tỉnh ủy trao Huy hiệu Đảng cho các đảng viên lão thành"],
        persons=[(a, "Phó Bí thư Thường trực Tỉnh ủy"), (b, "nguyên Phó Chủ tịch UBND tỉnh"),
                 (d, f"nguyên Bí thư Đảng ủy phường {c.V}"), (e, "Bí thư Thành ủy")],
    )


def t_budget(c: Ctx):
    a, b = c.name(), c.name()
    m = c.date.month - 1
    thu = c.n(1800, 9800)
    return dict(
        title=f"Thu ngân sách {m} tháng của tỉnh {c.P} đạt {num(thu)} tỷ đồng",
        lead=f"Theo báo cáo của Sở Tài chính tỉnh {c.P}, tổng thu ngân sách nhà nước trên địa bàn {m} tháng năm 2024 "
             f"ước đạt {num(thu)} tỷ đồng, bằng {c.n(58, 81)}% dự toán Hội đồng nhân dân tỉnh giao, tăng {c.pct(5, 19)}% "
             f"so với cùng kỳ năm trước.",
        paragraphs=[
            f"Trong đó, thu nội địa ước đạt {num(thu - c.n(300, 900))} tỷ đồng; thu từ hoạt động xuất nhập khẩu đạt "
            f"{c.n(120, 290)} tỷ đồng. Một số khoản thu tăng khá như thu từ khu vực doanh nghiệp ngoài quốc doanh, "
            f"thu tiền sử dụng đất và thuế thu nhập cá nhân.",
            f"Chi ngân sách địa phương ước thực hiện {num(c.n(4000, 12000))} tỷ đồng, đáp ứng kịp thời các nhiệm vụ chi "
            f"thường xuyên, chi cho an sinh xã hội và phòng, chống thiên tai. Giải ngân vốn đầu tư công đạt "
            f"{c.pct(40, 68)}% kế hoạch.",
            f"Đồng chí {a}, Giám đốc Sở Tài chính cho biết, những tháng cuối năm Sở sẽ phối hợp với Cục Thuế tỉnh "
            f"rà soát các nguồn thu, chống thất thu, xử lý nợ đọng thuế, phấn đấu hoàn thành vượt dự toán năm.",
            f"Tại cuộc họp nghe báo cáo, đồng chí {b}, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương thực hiện "
            f"tiết kiệm chi, đẩy nhanh tiến độ các công trình trọng điểm, không để tồn đọng vốn cuối năm.",
        ],
        captions=[f"Quang cảnh cuộc họp nghe báo cáo tình hình thu, chi ngân sách do đồng chí {b}, Chủ tịch UBND tỉnh chủ trì"],
        persons=[(a, "Giám đốc Sở Tài chính"), (b, "Chủ tịch UBND tỉnh")],
    )


def t_council(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    k = c.n(14, 26)
    nq = c.n(11, 32)
    kh = c.r.choice(ROMAN)
    return dict(
        title=f"Kỳ họp thứ {k} HĐND tỉnh {c.P} khóa {kh} thông qua {nq} nghị quyết",
        lead=f"Sau {c.n(2, 3)} ngày làm việc, {c.part().lower()} {c.dm}, Kỳ họp thứ {k} Hội đồng nhân dân tỉnh {c.P} khóa {kh}, "
             f"nhiệm kỳ 2021 - 2026 đã bế mạc. Đồng chí {a}, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì kỳ họp.",
        paragraphs=[
            f"Tại kỳ họp, các đại biểu đã xem xét, thảo luận và biểu quyết thông qua {nq} nghị quyết quan trọng, trong "
            f"đó có nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn, nghị quyết quy định mức hỗ trợ cán bộ "
            f"không chuyên trách ở cấp xã và nghị quyết về chính sách thu hút bác sĩ.",
            f"Phiên chất vấn và trả lời chất vấn tập trung vào các vấn đề cử tri quan tâm như quản lý khai thác "
            f"khoáng sản, chất lượng nước sinh hoạt nông thôn và tiến độ cấp giấy chứng nhận quyền sử dụng đất.",
            f"Kỳ họp cũng tiến hành bầu bổ sung đồng chí {b}, Giám đốc Sở Kế hoạch và Đầu tư, giữ chức Phó Chủ tịch UBND "
            f"tỉnh nhiệm kỳ 2021 - 2026 với {c.n(46, 55)}/{c.n(56, 58)} đại biểu tán thành.",
            f"Phát biểu bế mạc, đồng chí {a} đề nghị UBND tỉnh, các sở, ngành sớm cụ thể hóa các nghị quyết vừa được "
            f"thông qua; Thường trực HĐND tỉnh, các Ban và đại biểu tăng cường giám sát việc thực hiện. Đồng chí "
            f"{d}, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh, thông báo kết quả giám sát kiến nghị cử tri.",
        ],
        captions=[f"Các đại biểu biểu quyết thông qua các nghị quyết tại kỳ họp",
                  f"Đồng chí {b} phát biểu nhận nhiệm vụ Phó Chủ tịch UBND tỉnh"],
        persons=[(a, "Chủ tịch HĐND tỉnh"), (b, "Phó Chủ tịch UBND tỉnh"),
                 (d, "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh")],
    )


def t_inspect(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    return dict(
        title=f"Ủy ban Kiểm tra Tỉnh ủy {c.P} kiểm tra Ban Thường vụ Huyện ủy {c.D}",
        lead=f"Ngày {c.dm}, Đoàn kiểm tra của Ủy ban Kiểm tra Tỉnh ủy {c.P} do đồng chí {a}, Ủy viên Ban Thường vụ, "
             f"Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm trưởng đoàn đã công bố quyết định kiểm tra việc thực hiện nhiệm "
             f"vụ kiểm tra, giám sát đối với Ban Thường vụ Huyện ủy {c.D}.",
        paragraphs=[
            f"Theo quyết định, nội dung kiểm tra tập trung vào việc lãnh đạo, chỉ đạo công tác quản lý đất đai, "
            f"đầu tư xây dựng cơ bản và việc thực hiện quy chế làm việc giai đoạn từ năm 2022 đến nay. Thời gian "
            f"kiểm tra là {c.n(30, 60)} ngày.",
            f"Đồng chí {a} yêu cầu Ban Thường vụ Huyện ủy {c.D} chuẩn bị đầy đủ hồ sơ, tài liệu, báo cáo tự kiểm tra "
            f"trung thực, khách quan; phối hợp chặt chẽ với đoàn để cuộc kiểm tra đạt mục đích, yêu cầu đề ra.",
            f"Đồng chí {b}, Bí thư Huyện ủy {c.D}, tiếp thu ý kiến chỉ đạo và cam kết tạo điều kiện thuận lợi để đoàn "
            f"hoàn thành nhiệm vụ, đồng thời chỉ đạo các tổ chức đảng trực thuộc nghiêm túc thực hiện.",
            f"Từ đầu năm, Ủy ban Kiểm tra các cấp trong Đảng bộ tỉnh đã kiểm tra khi có dấu hiệu vi phạm đối với "
            f"{c.n(12, 40)} tổ chức đảng và {c.n(30, 90)} đảng viên; thi hành kỷ luật {c.n(20, 60)} đảng viên. Đồng chí "
            f"{d}, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy, là phó trưởng đoàn.",
        ],
        captions=[],
        persons=[(a, "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"), (b, f"Bí thư Huyện ủy {c.D}"),
                 (d, "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")],
    )


def t_plenum(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    k = c.n(17, 29)
    kh = c.r.choice(["XIX", "XX"])
    return dict(
        title=f"Hội nghị Ban Chấp hành Đảng bộ tỉnh {c.P} lần thứ {k}, khóa {kh}",
        lead=f"{c.part()} {c.dm}, Ban Chấp hành Đảng bộ tỉnh {c.P} khóa {kh} tổ chức Hội nghị lần thứ {k} để đánh giá "
             f"tình hình thực hiện nhiệm vụ chính trị và cho ý kiến vào dự thảo Báo cáo chính trị trình Đại hội Đảng bộ "
             f"tỉnh. Đồng chí {a}, Bí thư Tỉnh ủy chủ trì hội nghị.",
        paragraphs=[
            f"Báo cáo tại hội nghị do đồng chí {b}, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh trình bày cho biết, tốc độ "
            f"tăng trưởng tổng sản phẩm trên địa bàn ước đạt {c.pct(6, 9.5)}%, cao hơn bình quân chung của vùng; "
            f"kim ngạch xuất khẩu đạt {c.n(300, 990)} triệu USD.",
            f"Các đại biểu tập trung thảo luận về những hạn chế như tiến độ các dự án hạ tầng giao thông còn chậm, "
            f"công tác giải phóng mặt bằng gặp khó khăn, chất lượng nguồn nhân lực chưa đáp ứng yêu cầu.",
            f"Hội nghị cũng thống nhất cho ý kiến về phương án nhân sự Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ "
            f"2025 - 2030. Đồng chí {d}, Trưởng Ban Tổ chức Tỉnh ủy báo cáo tóm tắt quy trình giới thiệu nhân sự.",
            f"Kết luận hội nghị, đồng chí {a} yêu cầu các cấp ủy, chính quyền bám sát mục tiêu nghị quyết, phân công rõ "
            f"người, rõ việc, rõ thời gian hoàn thành; kịp thời tháo gỡ khó khăn cho doanh nghiệp và người dân.",
        ],
        captions=[f"Đồng chí {a}, Bí thư Tỉnh ủy phát biểu kết luận hội nghị"],
        persons=[(a, "Bí thư Tỉnh ủy"), (b, "Chủ tịch UBND tỉnh"), (d, "Trưởng Ban Tổ chức Tỉnh ủy")],
    )


def t_resolution(c: Ctx):
    a, b = c.name(), c.name()
    tw = c.n(8, 10)
    n = c.n(450, 1300)
    return dict(
        title=f"Tỉnh ủy {c.P} quán triệt Nghị quyết Hội nghị Trung ương {tw} khóa XIII",
        lead=f"{c.part()} {c.dm}, Tỉnh ủy {c.P} tổ chức hội nghị trực tuyến học tập, quán triệt, triển khai thực hiện "
             f"Nghị quyết Hội nghị lần thứ {tw} Ban Chấp hành Trung ương Đảng khóa XIII tới {n} điểm cầu. "
             f"Đồng chí {a}, Phó Bí thư Thường trực Tỉnh ủy chủ trì.",
        paragraphs=[
            f"Tham dự tại các điểm cầu có hơn {num(n * 9)} cán bộ, đảng viên chủ chốt của tỉnh, các huyện, thị xã, "
            f"thành phố và các chi bộ cơ sở.",
            f"Các đại biểu đã nghe đồng chí {b}, Trưởng Ban Tuyên giáo Tỉnh ủy truyền đạt những nội dung cơ bản, "
            f"cốt lõi của các nghị quyết, kết luận được ban hành tại Hội nghị Trung ương {tw}.",
            f"Đồng chí {a} yêu cầu các cấp ủy, tổ chức đảng xây dựng chương trình hành động sát với thực tiễn địa "
            f"phương, hoàn thành trước ngày 30/{min(12, c.date.month + 1)}; đưa kết quả học tập nghị quyết làm tiêu chí "
            f"đánh giá, xếp loại tổ chức đảng và đảng viên cuối năm.",
            f"Sau hội nghị, các cán bộ, đảng viên viết bài thu hoạch; tỷ lệ bài thu hoạch đạt loại khá, giỏi "
            f"năm trước là {c.n(88, 97)}%. Ban Tuyên giáo Tỉnh ủy sẽ tổ chức kiểm tra việc học tập tại các chi bộ.",
        ],
        captions=[f"Đồng chí {b}, Trưởng Ban Tuyên giáo Tỉnh ủy truyền đạt nội dung nghị quyết"],
        persons=[(a, "Phó Bí thư Thường trực Tỉnh ủy"), (b, "Trưởng Ban Tuyên giáo Tỉnh ủy")],
    )


def t_visit(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    n = c.n(120, 480)
    return dict(
        title=f"Chủ tịch UBND tỉnh {c.P} thăm, tặng quà gia đình chính sách tại huyện {c.D2}",
        lead=f"Nhân kỷ niệm 77 năm Ngày Thương binh - Liệt sĩ, ngày {c.dm}, đồng chí {a}, Phó Bí thư Tỉnh ủy, "
             f"Chủ tịch UBND tỉnh {c.P} đã đến thăm, tặng quà các gia đình chính sách tiêu biểu tại huyện {c.D2}.",
        paragraphs=[
            f"Đoàn đã đến thăm gia đình bà {d}, vợ liệt sĩ ở thôn {c.V}, và thương binh hạng 1/4 {b} ở thị trấn. "
            f"Tại mỗi nơi đến, đồng chí {a} ân cần hỏi thăm sức khỏe, đời sống và trao tặng mỗi gia đình "
            f"một suất quà trị giá 5 triệu đồng.",
            f"Dịp này, tỉnh {c.P} dành hơn {n} tỷ đồng từ ngân sách và nguồn xã hội hóa để tặng quà cho người có "
            f"công; sửa chữa, xây mới {c.n(40, 160)} nhà tình nghĩa; tu bổ {c.n(5, 18)} nghĩa trang liệt sĩ.",
            f"Đồng chí {a} đề nghị cấp ủy, chính quyền huyện {c.D2} tiếp tục thực hiện tốt chính sách đối với người "
            f"có công, không để gia đình chính sách nào có mức sống thấp hơn mức sống trung bình của dân cư nơi cư trú.",
            f"Cùng ngày, đoàn đã dâng hương, dâng hoa tưởng niệm các anh hùng liệt sĩ tại Nghĩa trang liệt sĩ huyện "
            f"và làm việc với lãnh đạo huyện về tiến độ các dự án trọng điểm.",
        ],
        captions=[f"Đồng chí {a}, Chủ tịch UBND tỉnh thăm hỏi, tặng quà bà {d} ở thôn {c.V}"],
        persons=[(a, "Chủ tịch UBND tỉnh"), (d, "vợ liệt sĩ"), (b, "thương binh hạng 1/4")],
    )


def t_retire(c: Ctx):
    a, b, d = c.name(), c.name(), c.name()
    n = c.n(8, 21)
    return dict(
        title=f"Trao quyết định nghỉ hưu cho {n} cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý",
        lead=f"Chiều {c.dm}, Thường trực Tỉnh ủy {c.P} tổ chức gặp mặt, trao quyết định nghỉ hưu cho {n} cán bộ thuộc "
             f"diện Ban Thường vụ Tỉnh ủy quản lý. Đồng chí {a}, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dự và phát biểu.",
        paragraphs=[
            f"Các đồng chí nghỉ hưu đợt này có nhiều năm giữ các cương vị lãnh đạo ở sở, ngành, địa phương, trong đó "
            f"có đồng chí {b}, Giám đốc Sở Nông nghiệp và Phát triển nông thôn, và đồng chí {d}, Phó Trưởng Ban Dân "
            f"vận Tỉnh ủy.",
            f"Phát biểu tại buổi gặp mặt, đồng chí {a} ghi nhận, biểu dương những đóng góp của các đồng chí trong quá "
            f"trình công tác; mong các đồng chí tiếp tục giữ gìn phẩm chất, uy tín, tham gia sinh hoạt tại nơi cư trú "
            f"và đóng góp ý kiến cho cấp ủy, chính quyền.",
            f"Thay mặt các cán bộ nghỉ hưu, đồng chí {b} bày tỏ cảm ơn sự quan tâm của Thường trực Tỉnh ủy và cho biết "
            f"dù ở cương vị nào cũng sẽ luôn giữ vững bản lĩnh chính trị, gương mẫu chấp hành chủ trương của Đảng.",
            f"Theo Ban Tổ chức Tỉnh ủy, năm 2024 toàn tỉnh có {n + c.n(30, 70)} cán bộ, công chức nghỉ hưu theo chế độ; "
            f"việc thông báo, chuẩn bị nhân sự thay thế được thực hiện trước 6 tháng theo quy định.",
        ],
        captions=[f"Đồng chí {a}, Bí thư Tỉnh ủy tặng hoa các đồng chí cán bộ nghỉ hưu"],
        persons=[(a, "Bí thư Tỉnh ủy"), (b, "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
                 (d, "Phó Trưởng Ban Dân vận Tỉnh ủy")],
    )


def t_massmob(c: Ctx):
    a, b, d = c.name(), c.name(female=True), c.name()
    n = c.n(60, 240)
    return dict(
        title=f"Tổng kết phong trào thi đua Dân vận khéo tại {c.P} giai đoạn 2021 - 2024",
        lead=f"Ngày {c.dm}, Ban Dân vận Tỉnh ủy {c.P} tổ chức hội nghị tổng kết phong trào thi đua Dân vận khéo giai "
             f"đoạn 2021 - 2024. Đồng chí {a}, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy chủ trì.",
        paragraphs=[
            f"Qua bốn năm, toàn tỉnh đã xây dựng được {num(n * 10)} mô hình Dân vận khéo, trong đó có {n} mô hình tiêu biểu "
            f"được nhân rộng ở các lĩnh vực phát triển kinh tế, xây dựng nông thôn mới, giữ gìn an ninh trật tự.",
            f"Nhiều mô hình đã huy động được sức dân, như mô hình hiến đất làm đường ở xã {c.V} với {c.n(3, 9)} km đường "
            f"được mở rộng mà không cần bồi thường, mô hình tổ tự quản bảo vệ môi trường của phụ nữ thị trấn.",
            f"Bà {b}, Chủ tịch Hội Liên hiệp Phụ nữ xã {c.V}, chia sẻ kinh nghiệm vận động hội viên tham gia các tổ tiết "
            f"kiệm, giúp {c.n(20, 80)} hộ thoát nghèo trong hai năm qua.",
            f"Dịp này, Ban Dân vận Tỉnh ủy tặng Bằng khen cho {c.n(25, 60)} tập thể, cá nhân có thành tích tiêu biểu. "
            f"Đồng chí {d}, Phó Bí thư Tỉnh ủy, đề nghị các cấp tiếp tục đổi mới nội dung, phương thức công tác dân vận.",
        ],
        captions=[f"Đồng chí {d}, Phó Bí thư Tỉnh ủy trao Bằng khen cho các tập thể tiêu biểu"],
        persons=[(a, "Trưởng Ban Dân vận Tỉnh ủy"), (b, f"Chủ tịch Hội Liên hiệp Phụ nữ xã {c.V}"),
                 (d, "Phó Bí thư Tỉnh ủy")],
    )


TEMPLATES = [t_appoint, t_congress, t_admission, t_badge, t_budget, t_council, t_inspect, t_plenum,
             t_resolution, t_visit, t_retire, t_massmob]
