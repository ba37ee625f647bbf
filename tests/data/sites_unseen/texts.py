"""Invented article texts for the unseen fixture sites (Vietnamese, in the genre of provincial party and
government news; written for partyfacts, not copied from any site). Each site combines these topics,
places and paragraphs differently, so no two sites share a title or a body."""

PLACES = ["huyện Yên Sơn", "thành phố Hòa Bình", "huyện Krông Pắc", "thị xã Quảng Yên", "huyện Cờ Đỏ",
          "huyện Tân Uyên", "thị xã Ba Đồn", "huyện Đông Triều", "huyện Mường Khương", "thành phố Bạc Liêu",
          "huyện Chợ Mới", "huyện Tuy Phước", "thị xã Hương Trà", "huyện Lục Ngạn", "huyện Đắk Mil"]

# (title, lead) with {p} = place
TOPICS = [
    ("Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm tại {p}",
     "Ngày 3/6, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm tại {p}."),
    ("Đoàn công tác của Tỉnh ủy kiểm tra việc thực hiện Nghị quyết về chuyển đổi số ở {p}",
     "Đoàn công tác số 4 của Ban Thường vụ Tỉnh ủy vừa làm việc với Ban Thường vụ Đảng bộ {p} về kết quả thực hiện Nghị quyết chuyên đề về chuyển đổi số."),
    ("Khởi công tuyến đường liên xã dài 12 km ở {p}",
     "Sáng nay, Ủy ban nhân dân {p} tổ chức lễ khởi công tuyến đường liên xã với tổng mức đầu tư hơn 85 tỷ đồng từ nguồn ngân sách tỉnh và huyện."),
    ("Tiếp xúc cử tri trước kỳ họp thứ bảy Hội đồng nhân dân tỉnh tại {p}",
     "Tổ đại biểu Hội đồng nhân dân tỉnh ứng cử tại {p} đã tiếp xúc cử tri các xã, thị trấn trước kỳ họp thường lệ giữa năm."),
    ("Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật đảng viên vi phạm ở {p}",
     "Tại kỳ họp thứ 21, Ủy ban Kiểm tra Tỉnh ủy đã xem xét, thi hành kỷ luật bằng hình thức khiển trách đối với hai đảng viên thuộc Đảng bộ {p}."),
    ("Trao Huy hiệu 50 năm tuổi Đảng cho đảng viên lão thành của {p}",
     "Nhân dịp kỷ niệm Ngày thành lập Đảng, Ban Thường vụ Đảng bộ {p} trao Huy hiệu 50 năm tuổi Đảng cho 18 đảng viên lão thành."),
    ("Tổng kết 10 năm thực hiện Chỉ thị về công tác dân vận ở {p}",
     "Ban Dân vận Huyện ủy phối hợp tổ chức hội nghị tổng kết 10 năm thực hiện Chỉ thị của Ban Bí thư về tăng cường công tác dân vận ở {p}."),
    ("Phát động phong trào thi đua xây dựng nông thôn mới nâng cao tại {p}",
     "Ủy ban nhân dân {p} vừa phát động phong trào thi đua xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu giai đoạn 2021 - 2025."),
    ("Bồi dưỡng lý luận chính trị cho đảng viên mới ở {p}",
     "Trung tâm Chính trị {p} khai giảng lớp bồi dưỡng lý luận chính trị dành cho 96 đảng viên mới thuộc các chi bộ, đảng bộ cơ sở."),
    ("Hội nghị giao ban công tác tuyên giáo quý II tại {p}",
     "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác tuyên giáo quý II, đánh giá tình hình tư tưởng trong cán bộ, đảng viên và Nhân dân ở {p}."),
    ("Đại hội đại biểu Mặt trận Tổ quốc {p} nhiệm kỳ 2024 - 2029",
     "Hơn 200 đại biểu đại diện cho các tầng lớp Nhân dân đã dự Đại hội đại biểu Mặt trận Tổ quốc Việt Nam {p} lần thứ XII."),
    ("Kiểm tra công tác phòng, chống thiên tai và tìm kiếm cứu nạn tại {p}",
     "Đoàn kiểm tra của Ban Chỉ huy phòng, chống thiên tai tỉnh đã kiểm tra công tác chuẩn bị ứng phó mùa mưa bão tại {p}."),
    ("Sơ kết mô hình dân vận khéo trong phát triển kinh tế hộ gia đình ở {p}",
     "Hội nghị sơ kết mô hình dân vận khéo được tổ chức tại {p} với sự tham dự của đại diện các đoàn thể chính trị - xã hội."),
    ("Lễ ra quân Tháng Thanh niên và hiến máu tình nguyện tại {p}",
     "Huyện đoàn {p} tổ chức lễ ra quân Tháng Thanh niên, thu hút gần 500 đoàn viên, thanh niên tham gia hiến máu tình nguyện."),
]

PARAGRAPHS = [
    "Theo báo cáo, 6 tháng đầu năm, các cấp ủy đã tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị; công tác giáo dục chính trị tư tưởng được chú trọng, tạo sự thống nhất cao trong cán bộ, đảng viên.",
    "Toàn Đảng bộ đã kết nạp 127 đảng viên mới, đạt 63,5% chỉ tiêu năm; công tác kiểm tra, giám sát được thực hiện theo đúng kế hoạch, không để xảy ra đơn thư vượt cấp.",
    "Phát biểu chỉ đạo hội nghị, đồng chí Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ, gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ.",
    "Tổng giá trị sản xuất trên địa bàn ước đạt 3.245 tỷ đồng, tăng 8,7% so với cùng kỳ; thu ngân sách nhà nước đạt 52,3% dự toán, tạo nguồn lực quan trọng cho đầu tư phát triển.",
    "Đoàn công tác ghi nhận những kết quả nổi bật trong việc ứng dụng công nghệ thông tin vào hoạt động của cơ quan đảng, chính quyền; 100% văn bản được gửi, nhận trên môi trường mạng.",
    "Bên cạnh kết quả đạt được, việc triển khai vẫn còn một số hạn chế như hạ tầng số ở các xã vùng sâu chưa đồng bộ, nguồn nhân lực chuyên trách còn thiếu và chưa được đào tạo bài bản.",
    "Tuyến đường có chiều dài 12 km, mặt đường rộng 5,5 m, kết cấu bê tông xi măng, được thiết kế theo tiêu chuẩn đường cấp V miền núi và dự kiến hoàn thành trong 18 tháng.",
    "Khi hoàn thành, công trình sẽ kết nối các vùng sản xuất nông nghiệp tập trung với trung tâm huyện, góp phần giảm chi phí vận chuyển và nâng cao đời sống của hơn 4.000 hộ dân.",
    "Tại các điểm tiếp xúc, cử tri bày tỏ phấn khởi trước kết quả phát triển kinh tế - xã hội của tỉnh, đồng thời kiến nghị nhiều nội dung liên quan đến đất đai, giao thông nông thôn và chính sách an sinh xã hội.",
    "Thay mặt Tổ đại biểu, đại biểu Hội đồng nhân dân tỉnh tiếp thu, giải trình các ý kiến thuộc thẩm quyền và cam kết chuyển đầy đủ kiến nghị của cử tri đến các cơ quan chức năng xem xét, giải quyết.",
    "Qua xem xét, Ủy ban Kiểm tra Tỉnh ủy kết luận các đảng viên trên đã vi phạm quy định về những điều đảng viên không được làm, thiếu trách nhiệm trong lãnh đạo, chỉ đạo, để xảy ra sai phạm trong quản lý đất đai.",
    "Ủy ban Kiểm tra yêu cầu tổ chức đảng và đảng viên vi phạm nghiêm túc rút kinh nghiệm, kịp thời khắc phục hậu quả và báo cáo kết quả về Ủy ban Kiểm tra Tỉnh ủy trước ngày 30/9.",
    "Các đảng viên được trao Huy hiệu đợt này đều đã trải qua nhiều cương vị công tác, luôn giữ vững phẩm chất chính trị, tích cực tham gia các phong trào ở địa phương và là tấm gương sáng cho thế hệ trẻ noi theo.",
    "Thay mặt các đảng viên được trao Huy hiệu, đồng chí Nguyễn Văn Thành bày tỏ niềm vinh dự, tự hào và hứa sẽ tiếp tục rèn luyện, giữ gìn phẩm chất người đảng viên, góp sức xây dựng quê hương ngày càng giàu đẹp.",
    "Sau 10 năm thực hiện Chỉ thị, nhận thức của cấp ủy, chính quyền về công tác dân vận có chuyển biến tích cực; phong trào thi đua dân vận khéo được triển khai sâu rộng với 1.268 mô hình được công nhận.",
    "Hội nghị đã khen thưởng 15 tập thể và 27 cá nhân có thành tích xuất sắc trong thực hiện công tác dân vận giai đoạn 2014 - 2024.",
    "Đến nay, toàn huyện có 14/16 xã đạt chuẩn nông thôn mới, 3 xã đạt chuẩn nông thôn mới nâng cao; thu nhập bình quân đầu người khu vực nông thôn đạt 52,6 triệu đồng mỗi năm.",
    "Mục tiêu đến năm 2025, có thêm 5 xã đạt chuẩn nông thôn mới nâng cao, 2 xã đạt chuẩn nông thôn mới kiểu mẫu và huyện được công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới.",
    "Trong thời gian 10 ngày, các học viên được nghiên cứu, học tập 9 chuyên đề về chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, Cương lãnh, Điều lệ Đảng và truyền thống lịch sử của Đảng bộ địa phương.",
    "Kết thúc khóa học, các học viên sẽ viết bài thu hoạch, liên hệ với thực tiễn công tác tại chi bộ và cam kết rèn luyện, phấn đấu trở thành đảng viên chính thức.",
    "Các ý kiến tại hội nghị tập trung phân tích tình hình dư luận xã hội, những vấn đề được cán bộ, đảng viên quan tâm như giá cả thị trường, việc làm của người lao động và công tác cán bộ.",
    "Ban Tuyên giáo đề nghị các địa phương chủ động nắm bắt tư tưởng, định hướng thông tin kịp thời, đẩy mạnh đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.",
    "Đại hội đã hiệp thương cử 65 vị vào Ủy ban Mặt trận Tổ quốc nhiệm kỳ mới; Hội nghị lần thứ nhất đã hiệp thương cử Ban Thường trực gồm 5 vị.",
    "Nhiệm kỳ tới, Mặt trận tiếp tục phát huy sức mạnh khối đại đoàn kết toàn dân tộc, nâng cao chất lượng giám sát, phản biện xã hội và tham gia xây dựng Đảng, chính quyền trong sạch, vững mạnh.",
    "Theo báo cáo, địa phương đã kiện toàn Ban Chỉ huy phòng, chống thiên tai các cấp, xây dựng phương án ứng phó với từng cấp độ rủi ro, chuẩn bị đầy đủ vật tư, phương tiện theo phương châm bốn tại chỗ.",
    "Trưởng đoàn kiểm tra yêu cầu rà soát các khu dân cư có nguy cơ sạt lở, ngập lụt, xây dựng kế hoạch sơ tán dân kịp thời và bảo đảm an toàn các hồ chứa nước trong mùa mưa.",
    "Qua 3 năm triển khai, mô hình đã giúp 312 hộ vay vốn phát triển sản xuất, trong đó 85 hộ thoát nghèo bền vững và nhiều hộ có thu nhập trên 200 triệu đồng mỗi năm.",
    "Các đại biểu đã trao đổi kinh nghiệm vận động Nhân dân chuyển đổi cơ cấu cây trồng, liên kết tiêu thụ sản phẩm và tham gia hợp tác xã kiểu mới.",
    "Trong khuôn khổ chương trình, các cơ sở đoàn sẽ ra quân làm sạch môi trường, tu sửa nhà văn hóa thôn, tặng quà gia đình chính sách và tổ chức các lớp kỹ năng cho thiếu nhi.",
    "Ngay sau lễ ra quân, 486 đoàn viên, thanh niên đã tham gia hiến máu, tiếp nhận được 452 đơn vị máu để bổ sung cho ngân hàng máu của Bệnh viện Đa khoa tỉnh.",
]

# paragraph indices that belong to each topic (2 own + shared ones picked by the generator)
TOPIC_PARAS = [(0, 1, 2), (4, 5, 2), (6, 7), (8, 9), (10, 11), (12, 13), (14, 15, 2), (16, 17), (18, 19), (20, 21, 2),
               (22, 23), (24, 25), (26, 27, 15), (28, 29)]

AUTHORS = ["Minh Hà", "Ngọc Lan", "Thu Trang", "Đức Anh", "Hoàng Yến", "Văn Khoa", "Phương Thảo", "Quốc Việt",
           "Bích Ngọc", "Thanh Tùng", "Lê Hương", "Trọng Nghĩa"]
SOURCES = ["Báo Tuyên Quang", "Ban Tuyên giáo Tỉnh ủy", "Trung tâm Truyền thông tỉnh", "Văn phòng Huyện ủy",
           "Báo Quảng Ninh", "Đài Phát thanh - Truyền hình tỉnh"]


def article_text(fam_no: int, i: int) -> dict:
    """Article i (0-based) of site `fam_no`: title, lead, paragraphs (3-4), author, source."""
    t = (i * 5 + fam_no * 3) % len(TOPICS)
    p = PLACES[(i + fam_no * 4) % len(PLACES)]
    title, lead = (s.format(p=p) for s in TOPICS[t])
    own = list(TOPIC_PARAS[t])
    extra = (t * 7 + fam_no + i) % len(PARAGRAPHS)
    paras = [PARAGRAPHS[k] for k in own]
    if extra not in own and (i + fam_no) % 3:
        paras.append(PARAGRAPHS[extra])
    return {"title": title, "lead": lead, "paragraphs": paras,
            "author": AUTHORS[(i + fam_no) % len(AUTHORS)], "source": SOURCES[(i * 2 + fam_no) % len(SOURCES)]}
